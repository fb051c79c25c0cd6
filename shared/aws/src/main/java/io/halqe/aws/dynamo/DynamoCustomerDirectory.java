package io.halqe.aws.dynamo;

import io.halqe.aws.json.Json;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerHealth;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.core.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Customers in the Directory table: profile at pk {@code CUST#<id>}, sk {@code PROFILE}; their health at sk
 * {@code HEALTH}; their feedback history beside it at sk {@code FB#<submittedAt>#<responseId>} (one Query reads it
 * newest first).
 */
public final class DynamoCustomerDirectory implements CustomerDirectory {

    private static final int BATCH_GET = 100;
    private static final int MAX_ROUNDS = 8;
    private static final Set<String> PAGE_KEY = Set.of("pk", "sk");
    /** The health item's version, raised by each conditional replacement. */
    private static final String HEALTH_VERSION = "v";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCustomerDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String customerId) {
        return "CUST#" + customerId;
    }

    private static Map<String, AttributeValue> key(String customerId) {
        return Map.of("pk", Items.s(pk(customerId)), "sk", Items.s("PROFILE"));
    }

    private static Map<String, AttributeValue> healthKey(String customerId) {
        return Map.of("pk", Items.s(pk(customerId)), "sk", Items.s("HEALTH"));
    }

    @Override
    public Upserted upsert(CustomerProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.toMap(profile));
        item.putAll(key(profile.id()));
        try {
            var old = dynamo.putItem(request -> request.tableName(table).item(item)
                    // an entry only filled in from invitations has no updatedAt: any CRM update replaces it
                    .conditionExpression("attribute_not_exists(pk) OR attribute_not_exists(updatedAt) OR updatedAt <= :updatedAt")
                    .expressionAttributeValues(Map.of(":updatedAt", Items.s(profile.updatedAt().toString())))
                    .returnValues(ReturnValue.ALL_OLD));
            return old.hasAttributes() && !old.attributes().isEmpty() ? Upserted.UPDATED : Upserted.CREATED;
        } catch (ConditionalCheckFailedException newerStored) {
            return Upserted.STALE;
        }
    }

    /** One UpdateItem: each known field set only where the entry lacks it ({@code if_not_exists}). */
    @Override
    public void fillIn(CustomerProfile known) {
        fillInUpdate(known).ifPresent(update -> dynamo.updateItem(request -> request.tableName(table).key(update.key())
                .updateExpression(update.updateExpression()).expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues())));
    }

    /** The same updates, a hundred in one transaction (an import's people). */
    @Override
    public void fillInAll(List<CustomerProfile> known) {
        List<CustomerProfile> people = known.stream().filter(person -> fillInUpdate(person).isPresent()).toList();
        TransactWrites.write(dynamo, people.stream().map(person -> TransactWriteItem.builder()
                .update(fillInUpdate(person).orElseThrow()).build()).toList(), new TransactWrites.Refusals() {
                    @Override
                    public void conditionFailed(int index, CancellationReason reason) {
                        // a fill-in has no condition: never refused for one
                    }

                    @Override
                    public void alone(int index) {
                        fillIn(people.get(index));
                    }
                });
    }

    private Optional<Update> fillInUpdate(CustomerProfile known) {
        Map<String, AttributeValue> fields = new HashMap<>(CustomerItems.toMap(known));
        fields.remove("updatedAt");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var field : fields.entrySet()) {
            names.put("#f" + i, field.getKey());
            values.put(":v" + i, field.getValue());
            sets.add("#f" + i + " = if_not_exists(#f" + i + ", :v" + i + ")");
            i++;
        }
        return Optional.of(Update.builder().tableName(table).key(key(known.id()))
                .updateExpression("SET " + String.join(", ", sets))
                .expressionAttributeNames(names).expressionAttributeValues(values).build());
    }

    @Override
    public Optional<CustomerProfile> find(String customerId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(customerId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CustomerItems.fromMap(item));
    }

    /** Profiles and health items together: one BatchGetItem per 50 customers. */
    @Override
    public Known lookup(Collection<String> customerIds) {
        Map<String, CustomerProfile> profiles = new HashMap<>();
        Map<String, CustomerHealth> health = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(customerIds));
        int perRequest = BATCH_GET / 2;
        for (int from = 0; from < ids.size(); from += perRequest) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            ids.subList(from, Math.min(ids.size(), from + perRequest)).forEach(id -> {
                keys.add(key(id));
                keys.add(healthKey(id));
            });
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int round = 0; request != null && !request.isEmpty(); round++) {
                if (round == MAX_ROUNDS) {
                    throw new IllegalStateException("DynamoDB kept keys unprocessed; the batch will be retried");
                }
                Map<String, KeysAndAttributes> pending = request;
                var result = dynamo.batchGetItem(builder -> builder.requestItems(pending));
                result.responses().getOrDefault(table, List.of()).forEach(item -> {
                    if ("HEALTH".equals(item.get("sk").s())) {
                        CustomerHealth h = healthOf(item);
                        health.put(h.customerId(), h);
                        versions.put(h.customerId(), versionOf(item));
                    } else {
                        CustomerProfile profile = CustomerItems.fromMap(item);
                        profiles.put(profile.id(), profile);
                    }
                });
                request = result.hasUnprocessedKeys() ? result.unprocessedKeys() : null;
            }
        }
        return new Known(profiles, health, versions);
    }

    @Override
    public StoredHealth storedHealth(String customerId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(healthKey(customerId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? new StoredHealth(null, 0) : new StoredHealth(healthOf(item), versionOf(item));
    }

    @Override
    public boolean replaceHealth(CustomerHealth next, long seenVersion) {
        Map<String, AttributeValue> item = healthItem(next);
        item.put(HEALTH_VERSION, Items.n(seenVersion + 1));
        try {
            // version 0: no health yet, or one written before versions (it has none)
            dynamo.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression(seenVersion == 0 ? "attribute_not_exists(#v)" : "#v = :seen")
                    .expressionAttributeNames(Map.of("#v", HEALTH_VERSION))
                    .expressionAttributeValues(seenVersion == 0 ? null : Map.of(":seen", Items.n(seenVersion))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException writtenMeanwhile) {
            return false;
        }
    }

    private static long versionOf(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(HEALTH_VERSION);
        return version == null ? 0 : Long.parseLong(version.n());
    }

    private static Map<String, AttributeValue> healthItem(CustomerHealth h) {
        Map<String, AttributeValue> item = new HashMap<>(healthKey(h.customerId()));
        item.put("health", Items.s(Json.write(h)));
        item.put("segment", Items.s(h.segment()));
        item.put("score", Items.n(h.score()));
        return item;
    }

    @Override
    public Optional<CustomerHealth> health(String customerId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(healthKey(customerId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(healthOf(item));
    }

    private static CustomerHealth healthOf(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(item.get("health").s(), CustomerHealth.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored health of " + item.get("pk").s() + " is unreadable", e);
        }
    }

    @Override
    public void appendHistory(Map<String, List<FeedbackEntry>> entriesByCustomer, Collection<CustomerHealth> health) {
        List<WriteRequest> writes = new ArrayList<>();
        entriesByCustomer.forEach((customerId, entries) -> entries.forEach(entry -> writes.add(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(CustomerItems.historyItem(customerId, entry)).build()).build())));
        health.forEach(h -> writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(healthItem(h)).build())
                .build()));
        BatchWrites.write(dynamo, table, writes);
    }

    @Override
    public void forgetComment(String customerId, java.time.Instant submittedAt, String responseId) {
        try {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(Map.of("pk", Items.s(pk(customerId)), "sk", Items.s("FB#" + submittedAt + "#" + responseId)))
                    .updateExpression("REMOVE #comment").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#comment", "comment")));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException noEntry) {
            // an answer that never reached the history (partial, or the customer was erased): nothing to forget
        }
    }

    /** Every item under the person's partition: profile, health and history, in one paged Query and batched deletes. */
    @Override
    public int erase(String customerId) {
        return BatchWrites.delete(dynamo, table, BatchWrites.keysOfPartition(dynamo, table, pk(customerId)));
    }

    @Override
    public Page<FeedbackEntry> history(String customerId, int limit, String cursor) {
        var start = Cursors.decode(cursor, PAGE_KEY);
        if (start != null && !pk(customerId).equals(start.get("pk").s())) {
            throw new io.halqe.domain.core.InvalidCursorException();
        }
        var page = dynamo.query(request -> request.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :fb)")
                .expressionAttributeValues(Map.of(":pk", Items.s(pk(customerId)), ":fb", Items.s("FB#")))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start));
        return new Page<>(page.items().stream().map(CustomerItems::historyEntry).toList(), Cursors.encode(page.lastEvaluatedKey()));
    }
}
