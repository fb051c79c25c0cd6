package io.halqe.aws.dynamo;

import io.halqe.domain.core.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

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
    public boolean claimed(String key, Instant at) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table).key(key(key))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return false;
        }
        AttributeValue leaseUntil = item.get("leaseUntil");
        // the same test as claim's condition: a lease past its time may be taken again
        return !"leased".equals(Items.string(item, "state")) || leaseUntil == null
                || Long.parseLong(leaseUntil.n()) >= at.getEpochSecond();
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

    /**
     * One item per group ({@code DELIVERY#<group>}), a claim per key in it: a single UpdateItem takes every key not
     * claimed before ({@code if_not_exists}), and the item as it was tells which those were. A lease left by a holder
     * that died is taken again, key by key, only if it is still the lease that was seen.
     */
    @Override
    public Set<String> claimAll(String group, Collection<String> keys, Instant at) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(keys));
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Map<String, String> names = new HashMap<>();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            names.put("#k" + i, wanted.get(i));
            sets.add("#k" + i + " = if_not_exists(#k" + i + ", :lease)");
        }
        AttributeValue lease = lease(at);
        var before = dynamo.updateItem(request -> request.tableName(table).key(key(group))
                .updateExpression("SET " + String.join(", ", sets) + ", expiresAt = if_not_exists(expiresAt, :expires)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":lease", lease,
                        ":expires", Items.n(at.plus(keep == null ? KEEP : keep).getEpochSecond())))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        Set<String> claimed = new LinkedHashSet<>();
        for (String key : wanted) {
            AttributeValue seen = before == null ? null : before.get(key);
            if (seen == null || (seen.hasM() && retake(group, key, seen.m(), at))) {
                claimed.add(key);
            }
        }
        return claimed;
    }

    private boolean retake(String group, String key, Map<String, AttributeValue> seen, Instant at) {
        AttributeValue leaseUntil = seen.get("leaseUntil");
        if (!"leased".equals(Items.string(seen, "state")) || leaseUntil == null
                || Long.parseLong(leaseUntil.n()) >= at.getEpochSecond()) {
            return false;
        }
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(group))
                    .updateExpression("SET #k = :lease")
                    .conditionExpression("#k.#state = :leased AND #k.leaseUntil = :seen")
                    .expressionAttributeNames(Map.of("#k", key, "#state", "state"))
                    .expressionAttributeValues(Map.of(":lease", lease(at), ":leased", Items.s("leased"), ":seen", leaseUntil)));
            return true;
        } catch (ConditionalCheckFailedException takenMeanwhile) {
            return false;
        }
    }

    @Override
    public void completeAll(String group, Collection<String> keys, Instant at) {
        List<String> done = List.copyOf(new LinkedHashSet<>(keys));
        if (done.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            names.put("#k" + i, done.get(i));
            sets.add("#k" + i + ".#state = :done");
            removes.add("#k" + i + ".leaseUntil");
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":done", Items.s("done")));
        if (keep == null) {
            removes.add("expiresAt");
        } else {
            sets.add("expiresAt = :expires");
            values.put(":expires", Items.n(at.plus(keep).getEpochSecond()));
        }
        dynamo.updateItem(request -> request.tableName(table).key(key(group))
                .updateExpression("SET " + String.join(", ", sets) + " REMOVE " + String.join(", ", removes))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public void releaseAll(String group, Collection<String> keys) {
        List<String> released = List.copyOf(new LinkedHashSet<>(keys));
        if (released.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < released.size(); i++) {
            names.put("#k" + i, released.get(i));
        }
        dynamo.updateItem(request -> request.tableName(table).key(key(group))
                .updateExpression("REMOVE " + String.join(", ", names.keySet().stream().sorted().toList()))
                .expressionAttributeNames(names));
    }

    private static AttributeValue lease(Instant at) {
        return AttributeValue.fromM(Map.of("state", Items.s("leased"), "claimedAt", Items.s(at.toString()),
                "leaseUntil", Items.n(at.plus(LEASE).getEpochSecond())));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of("pk", Items.s("DELIVERY#" + key), "sk", Items.s("DELIVERY"));
    }
}
