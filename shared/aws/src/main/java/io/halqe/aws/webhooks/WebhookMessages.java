package io.halqe.aws.webhooks;

import io.halqe.aws.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body a receiver gets: {@code {"type": "case.opened", "timestamp": "…", "data": {…}}}. */
public final class WebhookMessages {

    private WebhookMessages() {
    }

    public static String of(String type, Instant occurredAt, Object data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("timestamp", occurredAt.toString());
        message.put("data", data);
        return Json.write(message);
    }
}
