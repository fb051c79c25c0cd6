package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Page;
import io.halqe.domain.webhooks.WebhookDelivery;
import io.halqe.domain.webhooks.WebhookSecret;
import io.halqe.domain.webhooks.WebhookStore;
import io.halqe.domain.webhooks.WebhookSubscription;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The Webhooks table: subscriptions (pk {@code SUBSCRIPTION}), their secrets apart (pk {@code SECRET}, which only the
 * API and the sweep may read), and deliveries (pk {@code DELIVERY#<subscription>}, sk {@link WebhookDelivery#key()}).
 * A pending delivery carries {@code due} and {@code dueAt} (milliseconds, fixed width) for the {@code byDue} index;
 * a delivered or dead-lettered one drops them and expires 30 days after its last attempt.
 */
public final class DynamoWebhookStore implements WebhookStore {

    private static final String SUBSCRIPTION = "SUBSCRIPTION";
    private static final String SECRET = "SECRET";
    private static final Duration KEPT = Duration.ofDays(30);
    private static final TypeReference<List<WebhookSecret>> SECRETS = new TypeReference<>() { };

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWebhookStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<WebhookSubscription> subscriptions() {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(SUBSCRIPTION))).build())
                .items().stream().map(item -> read(item.get("document").s(), WebhookSubscription.class)).toList();
    }

    @Override
    public Optional<WebhookSubscription> subscription(String id) {
        return get(SUBSCRIPTION, id).map(item -> read(item.get("document").s(), WebhookSubscription.class));
    }

    @Override
    public void create(WebhookSubscription subscription, WebhookSecret secret) {
        replaceSecrets(subscription.id(), List.of(secret));
        dynamo.putItem(request -> request.tableName(table).item(Map.of("pk", Items.s(SUBSCRIPTION),
                "sk", Items.s(subscription.id()), "document", Items.s(Json.write(subscription)))));
    }

    @Override
    public boolean delete(String id) {
        var removed = dynamo.deleteItem(request -> request.tableName(table).key(key(SUBSCRIPTION, id))
                .returnValues("ALL_OLD")).attributes();
        dynamo.deleteItem(request -> request.tableName(table).key(key(SECRET, id)));
        return removed != null && !removed.isEmpty();
    }

    @Override
    public List<WebhookSecret> secrets(String subscriptionId) {
        return get(SECRET, subscriptionId).map(item -> {
            try {
                return Json.MAPPER.readValue(item.get("secrets").s(), SECRETS);
            } catch (IOException e) {
                throw new IllegalStateException("the secrets of " + subscriptionId + " are unreadable", e);
            }
        }).orElse(List.of());
    }

    @Override
    public void replaceSecrets(String subscriptionId, List<WebhookSecret> secrets) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of("pk", Items.s(SECRET),
                "sk", Items.s(subscriptionId), "secrets", Items.s(Json.write(secrets)))));
    }

    @Override
    public boolean add(WebhookDelivery delivery) {
        try {
            dynamo.putItem(request -> request.tableName(table).item(item(delivery))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyOwed) {
            return false;
        }
    }

    @Override
    public List<WebhookDelivery> due(Instant asOf, int limit) {
        return dynamo.query(request -> request.tableName(table).indexName("byDue")
                        .keyConditionExpression("due = :due AND dueAt <= :asOf")
                        .expressionAttributeValues(Map.of(":due", Items.s("due"), ":asOf", Items.s(millis(asOf))))
                        .limit(limit))
                .items().stream().map(DynamoWebhookStore::delivery).toList();
    }

    @Override
    public boolean claim(WebhookDelivery delivery, Instant leaseUntil) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(deliveryKey(delivery))
                    .updateExpression("SET dueAt = :lease")
                    .conditionExpression("#status = :pending AND attempts = :attempts AND dueAt = :seen")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":lease", Items.s(millis(leaseUntil)), ":pending", Items.s("pending"),
                            ":attempts", Items.n(delivery.attempts()),
                            ":seen", Items.s(millis(delivery.nextAttemptAt())))));
            return true;
        } catch (ConditionalCheckFailedException takenOrChanged) {
            return false;
        }
    }

    @Override
    public void save(WebhookDelivery delivery) {
        dynamo.putItem(request -> request.tableName(table).item(item(delivery)));
    }

    @Override
    public Optional<WebhookDelivery> delivery(String subscriptionId, String deliveryId) {
        return get("DELIVERY#" + subscriptionId, deliveryId).map(DynamoWebhookStore::delivery);
    }

    @Override
    public Page<WebhookDelivery> deliveries(String subscriptionId, WebhookDelivery.Status status, int limit,
                                            String cursor) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s("DELIVERY#" + subscriptionId)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .scanIndexForward(false).limit(limit).exclusiveStartKey(Cursors.decode(cursor, Set.of("pk", "sk")));
        if (status != null) {
            values.put(":status", Items.s(status.wireName()));
            query.filterExpression("#status = :status").expressionAttributeNames(Map.of("#status", "status"));
        }
        var page = dynamo.query(query.expressionAttributeValues(values).build());
        return new Page<>(page.items().stream().map(DynamoWebhookStore::delivery).toList(),
                Cursors.encode(page.lastEvaluatedKey()));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", Items.s(pk), "sk", Items.s(sk));
    }

    private static Map<String, AttributeValue> deliveryKey(WebhookDelivery delivery) {
        return key("DELIVERY#" + delivery.subscriptionId(), delivery.key());
    }

    private static Map<String, AttributeValue> item(WebhookDelivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>(deliveryKey(delivery));
        item.put("id", Items.s(delivery.id()));
        item.put("type", Items.s(delivery.type()));
        item.put("occurredAt", Items.s(delivery.occurredAt().toString()));
        item.put("payload", Items.s(delivery.payload()));
        item.put("status", Items.s(delivery.status().wireName()));
        item.put("attempts", Items.n(delivery.attempts()));
        if (delivery.lastAttempt() != null) {
            item.put("lastAttempt", Items.s(Json.write(delivery.lastAttempt())));
        }
        if (delivery.status() == WebhookDelivery.Status.PENDING) {
            item.put("due", Items.s("due"));
            item.put("dueAt", Items.s(millis(delivery.nextAttemptAt())));
        } else {
            Instant last = delivery.lastAttempt() == null ? delivery.occurredAt() : delivery.lastAttempt().at();
            item.put("expiresAt", Items.n(last.plus(KEPT).getEpochSecond()));
        }
        return item;
    }

    private static WebhookDelivery delivery(Map<String, AttributeValue> item) {
        String subscription = item.get("pk").s().substring("DELIVERY#".length());
        var status = WebhookDelivery.Status.fromWire(item.get("status").s());
        String next = Items.string(item, "dueAt");
        return new WebhookDelivery(subscription, item.get("id").s(), item.get("type").s(),
                Instant.parse(item.get("occurredAt").s()), item.get("payload").s(), status,
                Items.integer(item, "attempts"), next == null ? null : Instant.ofEpochMilli(Long.parseLong(next)),
                item.containsKey("lastAttempt") ? read(item.get("lastAttempt").s(), WebhookDelivery.Attempt.class)
                        : null);
    }

    private static String millis(Instant time) {
        return String.format(Locale.ROOT, "%013d", time.toEpochMilli());
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
