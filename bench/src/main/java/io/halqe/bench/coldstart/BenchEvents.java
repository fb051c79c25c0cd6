package io.halqe.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Which of events/ each function is started with, and how it is made repeatable: an HTTP API event gets a source
 * address and idempotency key per invocation ({@code @SEQ@}, filled in by {@link LambdaLauncher}), so repeated
 * submissions are new answers under the per-source limit, not replays of the first.
 */
public final class BenchEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** events/&lt;zip name&gt;/&lt;file&gt;: each function's main path, the one its cold starts are felt on. */
    public static final Map<String, String> SAMPLES = Map.of(
            "submission", "post-response.json",
            "enrichment", "response-inserted.json",
            "scoring", "response-enriched.json",
            "alerts", "detractor-response-enriched.json",
            "remeasure", "order-delivered.json",
            "api", "get-open-cases.json");

    private BenchEvents() {
    }

    /** The event with {@code @SEQ@} where an HTTP API v2 request names its client and its idempotency key. */
    public static String personalize(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            JsonNode http = event.path("requestContext").path("http");
            if (http instanceof ObjectNode httpNode) {
                httpNode.put("sourceIp", "2001:db8::@SEQ@");
                if (event.get("headers") instanceof ObjectNode headers) {
                    if (headers.has("x-forwarded-for")) {
                        headers.put("x-forwarded-for", "2001:db8::@SEQ@");
                    }
                    if (headers.has("idempotency-key")) {
                        headers.put("idempotency-key", headers.get("idempotency-key").asText() + "-@SEQ@");
                    }
                }
            }
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
