package io.halqe.aws.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** The EventBridge envelope a rule delivers to a function. */
public record BusEvent(
        String id,
        String source,
        @JsonProperty("detail-type") String detailType,
        Instant time,
        JsonNode detail) {

    public static BusEvent read(InputStream input) throws IOException {
        return of(Json.MAPPER.readTree(input));
    }

    /** The envelope of an event a handler has already parsed (to tell its sources apart). */
    public static BusEvent of(JsonNode payload) throws IOException {
        BusEvent event = Json.MAPPER.treeToValue(payload, BusEvent.class);
        if (event == null || event.detailType() == null || event.detail() == null || event.time() == null) {
            throw new IllegalArgumentException("not an EventBridge event: detail-type, detail and time are required");
        }
        return event;
    }

    public <T> T detailAs(Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(detail, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(detailType + " detail does not match its schema: " + e.getMessage(), e);
        }
    }
}
