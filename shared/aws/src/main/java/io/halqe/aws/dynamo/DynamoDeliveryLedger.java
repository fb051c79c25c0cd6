package io.halqe.aws.dynamo;

import io.halqe.domain.core.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Claims (pk {@code DELIVERY#<key>}) live in the table of what they guard — beside the cases for alert deliveries,
 * beside the aggregates for announced score shifts — and expire by TTL a week after they were claimed: long after
 * any redelivery could arrive (EventBridge retries for at most 24 hours) and after the week a shift is about.
 */
public final class DynamoDeliveryLedger implements DeliveryLedger {

    private static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration keep;

    public DynamoDeliveryLedger(DynamoDbClient dynamo, String table) {
        this(dynamo, table, KEEP);
    }

    /** Claims kept for {@code keep}: longer than the window in which the same key can be tried again. */
    public DynamoDeliveryLedger(DynamoDbClient dynamo, String table, Duration keep) {
        this.dynamo = dynamo;
        this.table = table;
        this.keep = keep;
    }

    @Override
    public boolean claim(String key, Instant at) {
        try {
            dynamo.putItem(request -> request.tableName(table)
                    .item(Map.of("pk", Items.s("DELIVERY#" + key), "sk", Items.s("DELIVERY"),
                            "claimedAt", Items.s(at.toString()),
                            "expiresAt", Items.n(at.plus(keep).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(request -> request.tableName(table).key(key(key)));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("pk", Items.s("DELIVERY#" + key), "sk", Items.s("DELIVERY"));
    }
}
