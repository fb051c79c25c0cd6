package io.halqe.aws.dynamo;

import io.halqe.domain.scoring.DetectShifts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Announced score shifts beside the aggregates (pk {@code SHIFT#<key>}), kept 60 days by TTL. */
public final class DynamoShiftLedger implements DetectShifts.ShiftLedger {

    private static final Duration KEEP = Duration.ofDays(60);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoShiftLedger(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean claim(String key) {
        try {
            dynamo.putItem(request -> request.tableName(table)
                    .item(Map.of("pk", Items.s("SHIFT#" + key), "sk", Items.s("SHIFT"),
                            "expiresAt", Items.n(clock.instant().plus(KEEP).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException announcedBefore) {
            return false;
        }
    }
}
