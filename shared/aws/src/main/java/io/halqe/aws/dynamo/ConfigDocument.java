package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.aws.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Configuration (a list of rules, a policy) stored as one JSON document in the Directory table (pk {@code CONFIG}),
 * the defaults when none is stored. Read lazily and kept for a short while, so an edit reaches every function within {@link #FRESHNESS}.
 */
final class ConfigDocument<T> {

    static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, AttributeValue> key;
    private final TypeReference<T> type;
    private final Supplier<T> defaults;
    private T cached;
    private long readAtNanos;

    ConfigDocument(DynamoDbClient dynamo, String table, String name, TypeReference<T> type,
                   Supplier<T> defaults) {
        this.dynamo = dynamo;
        this.table = table;
        this.key = Map.of("pk", Items.s("CONFIG"), "sk", Items.s(name));
        this.type = type;
        this.defaults = defaults;
    }

    synchronized T current() {
        if (cached == null || System.nanoTime() - readAtNanos > FRESHNESS.toNanos()) {
            var item = dynamo.getItem(request -> request.tableName(table).key(key)).item();
            cached = item == null || item.isEmpty() ? defaults.get() : parse(item.get("rules").s());
            readAtNanos = System.nanoTime();
        }
        return cached;
    }

    synchronized void replace(T value) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("rules", Items.s(Json.write(value)));
        dynamo.putItem(request -> request.tableName(table).item(item));
        cached = value;
        readAtNanos = System.nanoTime();
    }

    private T parse(String json) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored configuration " + key.get("sk").s() + " is unreadable", e);
        }
    }
}
