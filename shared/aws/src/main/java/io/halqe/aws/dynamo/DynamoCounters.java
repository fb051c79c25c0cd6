package io.halqe.aws.dynamo;

import io.halqe.domain.core.Counters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Counters in the Limits table: one item per key ({@code pk}), {@code n} (or one {@code n.<field>} per field) added
 * atomically, gone by TTL.
 */
public final class DynamoCounters implements Counters {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One UpdateItem: the item is created at 0 when absent, so adding 0 reads the count (no GetItem grant needed). */
    @Override
    public long add(String key, long amount, Instant expiresAt) {
        if (amount < 0) {
            throw new IllegalArgumentException("counters only count up: " + amount);
        }
        var updated = dynamo.updateItem(request -> request.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key)))
                .updateExpression("ADD n :amount SET expiresAt = if_not_exists(expiresAt, :expires)")
                .expressionAttributeValues(Map.of(":amount", AttributeValue.fromN(Long.toString(amount)),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(updated.attributes().get("n").n());
    }

    /** One item for the key, a count per field ({@code n.<field>}), all added in one UpdateItem. */
    @Override
    public Map<String, Long> incrementAll(String key, Collection<String> fields, Instant expiresAt) {
        List<String> names = List.copyOf(new java.util.LinkedHashSet<>(fields));
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        List<String> adds = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            attributes.put("#f" + i, "n." + names.get(i));
            adds.add("#f" + i + " :one");
        }
        var updated = dynamo.updateItem(request -> request.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key)))
                .updateExpression("ADD " + String.join(", ", adds) + " SET expiresAt = if_not_exists(expiresAt, :expires)")
                .expressionAttributeNames(attributes)
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                .returnValues(ReturnValue.UPDATED_NEW));
        Map<String, Long> counts = new LinkedHashMap<>();
        names.forEach(name -> counts.put(name, Long.parseLong(updated.attributes().get("n." + name).n())));
        return counts;
    }
}
