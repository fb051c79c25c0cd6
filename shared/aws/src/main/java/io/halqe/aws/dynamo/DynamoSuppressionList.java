package io.halqe.aws.dynamo;

import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.text.EmailAddresses;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Suppressed addresses in the Directory table: pk {@code SUPPRESS#<lower-cased address>}, sk {@code SUPPRESS}. */
public final class DynamoSuppressionList implements SuppressionList {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSuppressionList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean isSuppressed(String email) {
        if (email == null) {
            return false;
        }
        var item = dynamo.getItem(request -> request.tableName(table).key(key(email))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void suppress(String email, String reason, Instant at) {
        var item = new java.util.HashMap<>(key(email));
        item.put("email", Items.s(email));
        item.put("reason", Items.s(reason));
        item.put("at", Items.s(at.toString()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String email) {
        return Map.of("pk", Items.s("SUPPRESS#" + EmailAddresses.canonical(email)), "sk", Items.s("SUPPRESS"));
    }
}
