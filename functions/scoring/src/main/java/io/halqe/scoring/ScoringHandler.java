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
import io.halqe.domain.scoring.ScoreCells;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Enriched responses from the Responses stream → additive per-day aggregates of every cell (overall, segments,
 * touchpoint, team, theme), one conditional write per day a batch touches.
 */
public final class ScoringHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** The whole batch is one unit: its aggregate writes are what makes it cheap. */
    private static final int WHOLE_BATCH = Integer.MAX_VALUE;

    private final ScoreResponses scoreResponses;
    private final ZoneId reportingZone;

    public ScoringHandler() {
        Env env = LambdaEnvironment.current();
        this.scoreResponses = new ScoreResponses(new DynamoAggregateStore(new AwsClients(env).dynamoDb(),
                env.require("HALQE_AGGREGATES_TABLE")));
        this.reportingZone = ZoneId.of(env.optional("HALQE_TIME_ZONE").orElse("UTC"));
    }

    public ScoringHandler(AggregateStore aggregates, ZoneId reportingZone) {
        this.scoreResponses = new ScoreResponses(aggregates);
        this.reportingZone = reportingZone;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatches.process(event, WHOLE_BATCH,
                batch -> scoreResponses.apply(batch.stream().map(this::scored).toList()),
                failure -> context.getLogger().log("scoring failed, the batch will be retried: " + failure));
    }

    /** Counted on the day it was answered in the reporting time zone, in every cell it belongs to. */
    private ScoredResponse scored(DynamodbEvent.DynamodbStreamRecord record) {
        Response response = ResponseItems.fromItem(StreamBatches.newImage(record));
        String pk = StreamBatches.keys(record).get("pk").s();
        return new ScoredResponse(response.surveyId(), ResponseItems.partitionOfKey(pk),
                record.getDynamodb().getSequenceNumber(), LocalDate.ofInstant(response.submittedAt(), reportingZone),
                ScoreCells.of(response), Tally.of(response.answers()));
    }
}
