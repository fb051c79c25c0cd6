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
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.messaging.EventBridgePublisher;
import io.halqe.domain.scoring.DetectShifts;
import io.halqe.domain.scoring.ScoreCells;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;
import java.time.LocalDate;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.time.ZoneId;

/**
 * Enriched responses from the Responses stream → additive per-day aggregates of every cell (overall, segments,
 * touchpoint, team, theme), one conditional write per day a batch touches.
 */
public final class ScoringHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** The whole batch is one unit: its aggregate writes are what makes it cheap. */
    private static final int WHOLE_BATCH = Integer.MAX_VALUE;

    private final ScoreResponses scoreResponses;
    private final DetectShifts detectShifts;
    private final ZoneId reportingZone;

    public ScoringHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        String table = env.require("HALQE_AGGREGATES_TABLE");
        AggregateStore aggregates = new DynamoAggregateStore(dynamo, table);
        this.scoreResponses = new ScoreResponses(aggregates);
        this.detectShifts = new DetectShifts(aggregates,
                new EventBridgePublisher(clients.eventBridge(), env.require("HALQE_EVENT_BUS_NAME")),
                new DynamoDeliveryLedger(dynamo, table));
        this.reportingZone = ZoneId.of(env.optional("HALQE_TIME_ZONE").orElse("UTC"));
    }

    public ScoringHandler(ScoreResponses scoreResponses, DetectShifts detectShifts, ZoneId reportingZone) {
        this.scoreResponses = scoreResponses;
        this.detectShifts = detectShifts;
        this.reportingZone = reportingZone;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return StreamBatches.process(event, WHOLE_BATCH,
                batch -> {
                    List<ScoredResponse> scored = batch.stream().map(this::scored).toList();
                    scoreResponses.apply(scored);
                    // week over week, as of the newest day in the batch
                    scored.stream().map(ScoredResponse::day).max(LocalDate::compareTo).ifPresent(today -> detectShifts.check(
                            scored.stream().map(ScoredResponse::surveyId).collect(java.util.stream.Collectors.toSet()), today));
                },
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
