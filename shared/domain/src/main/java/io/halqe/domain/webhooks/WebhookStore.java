package io.halqe.domain.webhooks;

import io.halqe.domain.core.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions, their secrets, and the deliveries owed to them. */
public interface WebhookStore {

    List<WebhookSubscription> subscriptions();

    Optional<WebhookSubscription> subscription(String id);

    /** Stores a new subscription with its first secret. */
    void create(WebhookSubscription subscription, WebhookSecret secret);

    /** Removes the subscription and its secrets; its deliveries are left to expire. */
    boolean delete(String id);

    List<WebhookSecret> secrets(String subscriptionId);

    void replaceSecrets(String subscriptionId, List<WebhookSecret> secrets);

    /** Adds a pending delivery unless one with its id is already owed to that subscription; false when it was. */
    boolean add(WebhookDelivery delivery);

    /** Pending deliveries whose next attempt is due at {@code asOf}, soonest first. */
    List<WebhookDelivery> due(Instant asOf, int limit);

    /**
     * Takes a due delivery for one attempt: moves its next attempt to {@code leaseUntil} if it is still pending with
     * the attempts it was read with. False when another run took it, so it is never sent twice at once.
     */
    boolean claim(WebhookDelivery delivery, Instant leaseUntil);

    /** Stores the outcome of an attempt (or a re-send), replacing the delivery as it was. */
    void save(WebhookDelivery delivery);

    Optional<WebhookDelivery> delivery(String subscriptionId, String deliveryId);

    /** Newest first; {@code status} null for all. */
    Page<WebhookDelivery> deliveries(String subscriptionId, WebhookDelivery.Status status, int limit, String cursor);
}
