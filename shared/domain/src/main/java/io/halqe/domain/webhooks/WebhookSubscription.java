package io.halqe.domain.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A URL subscribed to event types ({@link WebhookEvents#TYPES}), with an optional Event Ruler pattern the message
 * (its {@code type} and {@code data}) must match. Its signing secrets are kept apart ({@link WebhookStore#secrets}), so
 * the functions that only ask who wants an event never read them.
 */
public record WebhookSubscription(String id, String url, List<String> events, String filter, String description,
                                  Instant createdAt) {

    public WebhookSubscription {
        events = List.copyOf(events);
    }

    public boolean wants(String type) {
        return events.contains(type);
    }
}
