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
 * beside the aggregates for announced score shifts. A claim is first a lease: if its holder dies before the act is
 * done, the claim can be taken again once {@link #LEASE} (well past a function's timeout) has gone by, so a crashed
 * send is retried rather than lost. Once done, it is kept for {@code keep} — a week by default, long after any
 * redelivery could arrive (EventBridge retries for at most 24 hours) — or for good ({@link #forever}), where sending
 * again would be wrong whenever it came: a case's email to its customer, an announcement to an address.
 */
public final class DynamoDeliveryLedger implements DeliveryLedger {

    private static final Duration KEEP = Duration.ofDays(7);
    static final Duration LEASE = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration keep;

    public DynamoDeliveryLedger(DynamoDbClient dynamo, String table) {
        this(dynamo, table, KEEP);
    }

    /** Claims kept for {@code keep} once done (null: for good): longer than the key can be tried again. */
    public DynamoDeliveryLedger(DynamoDbClient dynamo, String table, Duration keep) {
        this.dynamo = dynamo;
        this.table = table;
        this.keep = keep;
    }

    /** A ledger whose done claims never expire. */
    public static DynamoDeliveryLedger forever(DynamoDbClient dynamo, String table) {
        return new DynamoDeliveryLedger(dynamo, table, null);
    }

    @Override
    public boolean claim(String key, Instant at) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(key));
        item.put("claimedAt", Items.s(at.toString()));
        item.put("state", Items.s("leased"));
        item.put("leaseUntil", Items.n(at.plus(LEASE).getEpochSecond()));
        // a lease never completed is cleaned up a week on, whatever the ledger keeps once done
        item.put("expiresAt", Items.n(at.plus(keep == null ? KEEP : keep).getEpochSecond()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :leased AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":leased", Items.s("leased"), ":now", Items.n(at.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    @Override
    public void complete(String key, Instant at) {
        dynamo.updateItem(request -> request.tableName(table).key(key(key))
                .updateExpression(keep == null ? "SET #state = :done REMOVE leaseUntil, expiresAt"
                        : "SET #state = :done, expiresAt = :expires REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(keep == null ? Map.of(":done", Items.s("done"))
                        : Map.of(":done", Items.s("done"), ":expires", Items.n(at.plus(keep).getEpochSecond()))));
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(request -> request.tableName(table).key(key(key)));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("pk", Items.s("DELIVERY#" + key), "sk", Items.s("DELIVERY"));
    }
}
