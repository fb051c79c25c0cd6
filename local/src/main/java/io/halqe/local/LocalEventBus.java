package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.event.ruler.Machine;

/**
 * An EventBridge bus: PutEvents entries become the EventBridge envelope, every rule whose pattern matches (Event
 * Ruler) gets one asynchronous invocation of its function.
 */
public final class LocalEventBus {

    record Rule(String name, LocalFunction function, String pattern, int maxRetries) {
    }

    /** One entry's outcome: an event id, or an error code and message. */
    public record PutResult(String eventId, String errorCode, String errorMessage) {
    }

    private final String name;
    private final String region;
    private final Clock clock;
    private final AsyncInvocations invocations;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Machine machine = Machine.builder().build();
    private final List<JsonNode> events = new ArrayList<>();

    LocalEventBus(String name, String region, Clock clock, AsyncInvocations invocations) {
        this.name = name;
        this.region = region;
        this.clock = clock;
        this.invocations = invocations;
    }

    public String name() {
        return name;
    }

    synchronized void addRule(String ruleName, LocalFunction function, String patternJson, int maxRetries) {
        try {
            machine.addRule(ruleName, patternJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("rule " + ruleName + ": invalid event pattern " + patternJson + ": " + e.getMessage(), e);
        }
        rules.put(ruleName, new Rule(ruleName, function, patternJson, maxRetries));
    }

    /** The names of the rules that match an event (an EventBridge envelope). */
    public synchronized List<String> matchingRules(JsonNode event) {
        try {
            return List.copyOf(machine.rulesForJSONEvent(event.toString()));
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot match " + event + ": " + e.getMessage(), e);
        }
    }

    /** Every event put on the bus, in order (envelopes). */
    public synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** One PutEvents entry ({@code Source, DetailType, Detail, EventBusName, Resources, Time}). */
    public PutResult put(JsonNode entry) {
        String busName = entry.path("EventBusName").asText("");
        if (!busName.isEmpty() && !busName.equals(name) && !busName.endsWith(":event-bus/" + name)) {
            return new PutResult(null, "ResourceNotFoundException",
                    "Event bus " + busName + " does not exist (the local bus is " + name + ").");
        }
        String source = entry.path("Source").asText("");
        String detailType = entry.path("DetailType").asText("");
        if (source.isEmpty() || detailType.isEmpty()) {
            return new PutResult(null, "InvalidArgument", "Parameters Source and DetailType are required.");
        }
        JsonNode detail;
        JsonNode detailField = entry.get("Detail");
        try {
            detail = detailField == null || detailField.isNull() ? Json.object()
                    : detailField.isTextual() ? Json.parse(detailField.asText()) : detailField;
        } catch (IllegalArgumentException malformed) {
            return new PutResult(null, "MalformedDetail", "Detail is malformed.");
        }
        if (!detail.isObject()) {
            return new PutResult(null, "MalformedDetail", "Detail is malformed.");
        }
        List<String> named = new java.util.ArrayList<>();
        entry.path("Resources").forEach(resource -> named.add(resource.asText()));
        if (io.halqe.aws.messaging.PutEventsLimits.entrySize(source, detailType,
                detailField != null && detailField.isTextual() ? detailField.asText() : detail.toString(), named,
                entry.has("Time")) > io.halqe.aws.messaging.PutEventsLimits.MAX_REQUEST_BYTES) {
            return new PutResult(null, "ValidationException", "Total size of the entries in the request is over the limit.");
        }
        Instant time = clock.instant();
        JsonNode timeField = entry.get("Time");
        if (timeField != null && timeField.isNumber()) {
            time = Instant.ofEpochMilli((long) (timeField.asDouble() * 1000));
        } else if (timeField != null && timeField.isTextual() && !timeField.asText().isEmpty()) {
            time = Instant.parse(timeField.asText());
        }
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = Json.object();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", "000000000000");
        envelope.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", region);
        ArrayNode resources = envelope.putArray("resources");
        entry.path("Resources").forEach(resources::add);
        envelope.set("detail", detail);
        List<Rule> matched = new ArrayList<>();
        synchronized (this) {
            events.add(envelope);
            for (String rule : matchingRules(envelope)) {
                matched.add(rules.get(rule));
            }
        }
        String payload = envelope.toString();
        for (Rule rule : matched) {
            invocations.enqueue(rule.function(), "rule:" + rule.name(), payload, rule.maxRetries());
        }
        return new PutResult(id, null, null);
    }
}
