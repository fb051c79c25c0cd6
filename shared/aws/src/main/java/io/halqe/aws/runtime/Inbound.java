package io.halqe.aws.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.BusEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What can reach a function that takes more than one kind of event, read once from the invocation's JSON: the
 * handler dispatches on it with an exhaustive switch. Each kind is known by the field only it has.
 */
public sealed interface Inbound {

    /** An HTTP API (payload 2.0) request. */
    record Http(APIGatewayV2HTTPEvent event) implements Inbound {
    }

    /** An EventBridge rule's delivery; {@code envelope} is the whole event, for patterns that match it. */
    record Bus(BusEvent event, JsonNode envelope) implements Inbound {
    }

    /** An EventBridge Scheduler firing: its Input is {@code {"scheduledTime":"<aws.scheduler.scheduled-time>"}}. */
    record Schedule(Instant scheduledTime) implements Inbound {
    }

    /** SNS messages (their {@code Message} strings), as an SNS subscription delivers them. */
    record Sns(List<String> messages) implements Inbound {
    }

    /**
     * DynamoDB stream records, each by its keys' string attributes: all a {@code KEYS_ONLY} stream carries, so
     * nothing of the item (a secret, a payload) passes through the stream.
     */
    record StreamKeys(List<Map<String, String>> keys) implements Inbound {
    }

    static Inbound read(InputStream input) throws IOException {
        return of(Json.MAPPER.readTree(input));
    }

    static Inbound of(JsonNode payload) throws IOException {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("an invocation is a JSON object");
        }
        if (payload.has("detail-type")) {
            return new Bus(BusEvent.of(payload), payload);
        }
        if (payload.has("scheduledTime")) {
            return new Schedule(instant(payload.get("scheduledTime").asText()));
        }
        if (payload.has("requestContext")) {
            return new Http(Json.MAPPER.treeToValue(payload, APIGatewayV2HTTPEvent.class));
        }
        JsonNode records = payload.path("Records");
        if (records.isArray() && !records.isEmpty() && records.get(0).has("Sns")) {
            List<String> messages = new ArrayList<>();
            records.forEach(record -> messages.add(record.path("Sns").path("Message").asText()));
            return new Sns(messages);
        }
        if (records.isArray() && !records.isEmpty() && "aws:dynamodb".equals(records.get(0).path("eventSource").asText())) {
            List<Map<String, String>> keys = new ArrayList<>();
            records.forEach(record -> {
                Map<String, String> key = new LinkedHashMap<>();
                record.path("dynamodb").path("Keys").properties().forEach(attribute -> {
                    if (attribute.getValue().has("S")) {
                        key.put(attribute.getKey(), attribute.getValue().get("S").asText());
                    }
                });
                keys.add(key);
            });
            return new StreamKeys(keys);
        }
        throw new IllegalArgumentException("not an invocation Halqe knows: an HTTP request, a bus event, a schedule,"
                + " SNS messages or stream records");
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime is not an ISO-8601 instant: " + text, e);
        }
    }

    /** Thrown for a kind of event a function does not take; the invocation fails, and its DLQ keeps the reason. */
    static IllegalArgumentException unexpected(String function, Inbound inbound) {
        return new IllegalArgumentException("the " + function + " function takes no "
                + inbound.getClass().getSimpleName() + " invocations");
    }
}
