package io.halqe.scoring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.ResponseItems;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.aws.stream.StreamBatches;
import io.halqe.domain.config.Env;
import io.halqe.domain.response.Response;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;

/** Enriched responses from the Responses stream → additive aggregates, one write per aggregate item per batch. */
public final class ScoringHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** The whole batch is one unit: its aggregate writes are what makes it cheap. */
    private static final int WHOLE_BATCH = Integer.MAX_VALUE;

    private final ScoreResponses scoreResponses;

    public ScoringHandler() {
        Env env = LambdaEnvironment.current();
        this.scoreResponses = new ScoreResponses(new DynamoAggregateStore(new AwsClients(env).dynamoDb(),
                env.require("HALQE_AGGREGATES_TABLE")));
    }

    public ScoringHandler(AggregateStore aggregates) {
        this.scoreResponses = new ScoreResponses(aggregates);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatches.process(event, WHOLE_BATCH,
                batch -> scoreResponses.apply(batch.stream().map(ScoringHandler::scored).toList()),
                failure -> context.getLogger().log("scoring failed, the batch will be retried: " + failure));
    }

    private static ScoredResponse scored(DynamodbEvent.DynamodbStreamRecord record) {
        Response response = ResponseItems.fromItem(StreamBatches.newImage(record));
        String pk = StreamBatches.keys(record).get("pk").s();
        return new ScoredResponse(response.surveyId(), ResponseItems.partitionOfKey(pk),
                record.getDynamodb().getSequenceNumber(), Tally.of(response.answers()));
    }
}
