package io.halqe.aws.dynamo;

import io.halqe.domain.core.Page;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.text.EmailAddresses;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Suppressed addresses in the Directory table, one partition: pk {@code SUPPRESSED}, sk the entry's id (the SHA-256
 * of the canonical address) (a lookup is one GetItem; the admin listing one Query). The readable address is an attribute, which erasure
 * removes while the entry keeps the person from being contacted again.
 */
public final class DynamoSuppressionList implements SuppressionList {

    private static final String PARTITION = "SUPPRESSED";
    private static final Set<String> PAGE_KEY = Set.of("pk", "sk");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSuppressionList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean isSuppressed(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        var item = dynamo.getItem(request -> request.tableName(table).key(key(address))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void suppress(String address, String reason, Instant at) {
        var item = new java.util.HashMap<>(key(address));
        item.put("address", Items.s(EmailAddresses.canonical(address)));
        item.put("reason", Items.s(reason));
        item.put("at", Items.s(at.toString()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    @Override
    public void suppressId(String id, String reason, Instant at) {
        dynamo.updateItem(request -> request.tableName(table).key(keyOf(id)).updateExpression("SET reason = :reason, #at = :at")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":reason", Items.s(reason), ":at", Items.s(at.toString()))));
    }

    @Override
    public boolean lift(String id) {
        var old = dynamo.deleteItem(request -> request.tableName(table).key(keyOf(id)).returnValues(ReturnValue.ALL_OLD));
        return old.hasAttributes() && !old.attributes().isEmpty();
    }

    @Override
    public Page<Suppression> list(int limit, String cursor) {
        var start = Cursors.decode(cursor, PAGE_KEY);
        var page = dynamo.query(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Items.s(PARTITION))).limit(limit).exclusiveStartKey(start));
        return new Page<>(page.items().stream().map(item -> new Suppression(Items.string(item, "sk"), Items.string(item, "address"),
                Items.string(item, "reason"), Items.instant(item, "at"))).toList(), Cursors.encode(page.lastEvaluatedKey()));
    }

    @Override
    public void forget(String address, Instant at) {
        dynamo.updateItem(request -> request.tableName(table).key(key(address))
                .updateExpression("SET reason = if_not_exists(reason, :erased), #at = if_not_exists(#at, :at) REMOVE address")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":erased", Items.s("erased"), ":at", Items.s(at.toString()))));
    }

    private static Map<String, AttributeValue> key(String address) {
        return keyOf(SuppressionList.idOf(address));
    }

    private static Map<String, AttributeValue> keyOf(String id) {
        return Map.of("pk", Items.s(PARTITION), "sk", Items.s(id));
    }
}
