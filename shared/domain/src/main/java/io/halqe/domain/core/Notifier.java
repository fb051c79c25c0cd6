package io.halqe.domain.core;

import java.util.Map;

public interface Notifier {

    void publish(Notification notification);

    /**
     * {@code message} is sent as JSON (schema: events/schemas/TeamAlert.v1.json); {@code attributes} become SNS
     * message attributes, for subscription filter policies.
     */
    record Notification(String subject, Map<String, Object> message, Map<String, String> attributes) {
        public Notification {
            message = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(message));
            attributes = Map.copyOf(attributes);
        }
    }
}
