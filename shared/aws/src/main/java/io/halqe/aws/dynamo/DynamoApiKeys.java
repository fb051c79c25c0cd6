package io.halqe.aws.dynamo;

import io.halqe.domain.access.ApiKey;
import io.halqe.domain.access.ApiKeyStore;
import io.halqe.domain.access.Scope;
import io.halqe.domain.core.Page;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Directory: machine keys at pk {@code APIKEYS}, sk {@code <id>} (few, listed by one Query), each with its scopes,
 * maker, times and the SHA-256 of its secret — never the secret.
 */
public final class DynamoApiKeys implements ApiKeyStore {

    private static final String PARTITION = "APIKEYS";
    private static final Set<String> PAGE_KEY = Set.of("pk", "sk");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApiKeys(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(ApiKey key) {
        try {
            dynamo.putItem(request -> request.tableName(table).item(item(key))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public Optional<ApiKey> find(String id) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(key(item));
    }

    @Override
    public Page<ApiKey> list(int limit, String cursor) {
        var start = Cursors.decode(cursor, PAGE_KEY);
        var page = dynamo.query(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Items.s(PARTITION))).limit(limit).exclusiveStartKey(start));
        return new Page<>(page.items().stream().map(DynamoApiKeys::key).toList(), Cursors.encode(page.lastEvaluatedKey()));
    }

    @Override
    public boolean revoke(ApiKey revoked) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(revoked.id()))
                    .updateExpression("SET revokedAt = :at").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":at", Items.s(revoked.revokedAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    private static Map<String, AttributeValue> item(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key(key.id()));
        item.put("name", Items.s(key.name()));
        item.put("scopes", AttributeValue.fromL(key.scopes().stream().map(scope -> Items.s(scope.wireName())).toList()));
        if (!key.teams().isEmpty()) {
            item.put("teams", AttributeValue.fromL(key.teams().stream().map(Items::s).toList()));
        }
        item.put("createdBy", Items.s(key.createdBy()));
        item.put("createdAt", Items.s(key.createdAt().toString()));
        if (key.expiresAt() != null) {
            item.put("validUntil", Items.s(key.expiresAt().toString()));
        }
        if (key.revokedAt() != null) {
            item.put("revokedAt", Items.s(key.revokedAt().toString()));
        }
        item.put("secretSha256", Items.s(key.secretSha256()));
        return item;
    }

    private static ApiKey key(Map<String, AttributeValue> item) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        item.getOrDefault("scopes", AttributeValue.fromL(List.of())).l()
                .forEach(scope -> Scope.of(scope.s()).ifPresent(scopes::add));
        Set<String> teams = new java.util.TreeSet<>();
        item.getOrDefault("teams", AttributeValue.fromL(List.of())).l().forEach(team -> teams.add(team.s()));
        return new ApiKey(item.get("sk").s(), Items.string(item, "name"), scopes, teams, Items.string(item, "createdBy"),
                Items.instant(item, "createdAt"), Items.instant(item, "validUntil"), Items.instant(item, "revokedAt"),
                Items.string(item, "secretSha256"));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s(PARTITION), "sk", Items.s(id));
    }
}
