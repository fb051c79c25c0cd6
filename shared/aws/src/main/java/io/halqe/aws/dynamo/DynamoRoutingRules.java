package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.aws.json.Json;
import io.halqe.domain.routing.RoutingRule;
import io.halqe.domain.routing.RoutingRules;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Routing rules as data in the Directory table (pk {@code CONFIG}, sk {@code ROUTING}), defaults when none are stored.
 * Read lazily and kept for a short while, so an edit reaches every function within {@link #FRESHNESS}.
 */
public final class DynamoRoutingRules implements RoutingRules {

    public static final Duration FRESHNESS = Duration.ofSeconds(30);
    private static final Map<String, AttributeValue> KEY = Map.of("pk", Items.s("CONFIG"), "sk", Items.s("ROUTING"));

    private final DynamoDbClient dynamo;
    private final String table;
    private List<RoutingRule> cached;
    private long readAtNanos;

    public DynamoRoutingRules(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public synchronized List<RoutingRule> current() {
        if (cached == null || System.nanoTime() - readAtNanos > FRESHNESS.toNanos()) {
            var item = dynamo.getItem(request -> request.tableName(table).key(KEY)).item();
            cached = item == null || item.isEmpty() ? RoutingRules.defaults() : parse(item.get("rules").s());
            readAtNanos = System.nanoTime();
        }
        return cached;
    }

    @Override
    public synchronized void replace(List<RoutingRule> rules) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(KEY);
        item.put("rules", Items.s(Json.write(rules)));
        dynamo.putItem(request -> request.tableName(table).item(item));
        cached = List.copyOf(rules);
        readAtNanos = System.nanoTime();
    }

    private static List<RoutingRule> parse(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<RoutingRule>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("stored routing rules are unreadable", e);
        }
    }
}
