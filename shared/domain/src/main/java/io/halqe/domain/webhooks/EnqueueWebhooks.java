package io.halqe.domain.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * An event becomes a pending delivery for each subscription that asks for its type and whose filter matches its
 * message; the sweep ({@link DeliverWebhooks}) sends it. Repeating an event adds nothing: its message id is the same.
 */
public final class EnqueueWebhooks {

    private final Supplier<List<WebhookSubscription>> subscriptions;
    private final WebhookStore store;
    private final WebhookFilter filter;

    /** {@code subscriptions}: a short-lived cached read of the store's, as the functions that publish events keep it. */
    public EnqueueWebhooks(Supplier<List<WebhookSubscription>> subscriptions, WebhookStore store, WebhookFilter filter) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.filter = filter;
    }

    /** Whether any subscription asks for {@code type}: the enrichment marks such answers for the alerts function. */
    public boolean wanted(String type) {
        return subscriptions.get().stream().anyMatch(subscription -> subscription.wants(type));
    }

    /**
     * {@code message}: the JSON body a receiver gets ({@code type}, {@code timestamp}, {@code data}); {@code key}
     * names the event ({@link WebhookEvents#messageId}). Returns how many deliveries were added now.
     */
    public int enqueue(String type, String key, Instant occurredAt, String message, Instant due) {
        String id = WebhookEvents.messageId(type, key);
        int added = 0;
        for (WebhookSubscription subscription : subscriptions.get()) {
            if (subscription.wants(type)
                    && (subscription.filter() == null || filter.matches(subscription.filter(), message))
                    && store.add(WebhookDelivery.pending(subscription.id(), id, type, occurredAt, message, due))) {
                added++;
            }
        }
        return added;
    }
}
