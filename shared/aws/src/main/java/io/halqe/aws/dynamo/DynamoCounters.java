package io.halqe.aws.dynamo;

import io.halqe.domain.core.Counters;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Counters in the Limits table: one item per key ({@code pk}), {@code n} added atomically, gone by TTL. */
public final class DynamoCounters implements Counters {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long increment(String key, Instant expiresAt) {
        var updated = dynamo.updateItem(request -> request.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key)))
                .updateExpression("ADD n :one SET expiresAt = if_not_exists(expiresAt, :expires)")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(updated.attributes().get("n").n());
    }
}
