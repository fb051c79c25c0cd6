package io.halqe.local.runtime.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where a handler under test writes its metrics' EMF documents (one JSON object a line), read back as CloudWatch
 * Logs reads them: the directive's namespace, dimension sets and units, and the members holding the values.
 */
public final class EmfLines implements Consumer<String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** One document's (first) metric directive, and its root, where the values and dimension values are. */
    public record Document(String namespace, List<List<String>> dimensions, Map<String, String> units, JsonNode root) {

        /** A metric's value, or a dimension's. */
        public String member(String name) {
            return root.has(name) ? root.get(name).asText() : null;
        }

        /** The declared metrics with their values. */
        public Map<String, Double> values() {
            Map<String, Double> values = new LinkedHashMap<>();
            units.keySet().forEach(metric -> values.put(metric, root.get(metric).asDouble()));
            return values;
        }
    }

    @Override
    public void accept(String line) {
        lines.add(line);
    }

    /** The documents written since the last {@link #clear()}, parsed, in order. */
    public List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode root = JSON.readTree(line);
                JsonNode directive = root.at("/_aws/CloudWatchMetrics/0");
                List<List<String>> dimensions = new ArrayList<>();
                directive.get("Dimensions").forEach(set -> {
                    List<String> keys = new ArrayList<>();
                    set.forEach(key -> keys.add(key.asText()));
                    dimensions.add(keys);
                });
                Map<String, String> units = new LinkedHashMap<>();
                directive.get("Metrics").forEach(metric -> units.put(metric.get("Name").asText(),
                        metric.path("Unit").asText()));
                documents.add(new Document(directive.get("Namespace").asText(), dimensions, units, root));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("not an EMF document: " + line, e);
            }
        }
        return documents;
    }

    public void clear() {
        lines.clear();
    }
}
