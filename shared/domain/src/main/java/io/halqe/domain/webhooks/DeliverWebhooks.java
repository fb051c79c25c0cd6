package io.halqe.domain.webhooks;

import io.halqe.domain.core.ItemFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The sweep's webhook step: each due delivery is claimed, signed and posted. A failed attempt is tried again after
 * {@link #RETRIES} (the Standard Webhooks schedule, about a day and four hours in all); after the last one the delivery is
 * dead-lettered ({@code failed}) and waits for a re-send. A delivery that fails to be recorded is one item: the others go on.
 */
public final class DeliverWebhooks {

    /** The waits after each failed attempt; an attempt after the last wait that fails too is the last. */
    public static final List<Duration> RETRIES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    /** How long a claimed attempt keeps others off; one whose run died is tried again after it. */
    static final Duration LEASE = Duration.ofMinutes(15);
    private static final int PAGE = 50;

    public record Run(int delivered, int retrying, int deadLettered, List<ItemFailure> failures) {
    }

    private final WebhookStore store;
    private final WebhookSender sender;

    public DeliverWebhooks(WebhookStore store, WebhookSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** {@code asOf}: the sweep's time, also each message's {@code webhook-timestamp}; {@code timeLeft}: whether to go on. */
    public Run deliver(Instant asOf, BooleanSupplier timeLeft) {
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        List<ItemFailure> failures = new ArrayList<>();
        Map<String, Optional<WebhookSubscription>> subscriptions = new HashMap<>();
        Map<String, List<WebhookSecret>> secrets = new HashMap<>();
        boolean progress = true;
        while (progress && timeLeft.getAsBoolean()) {
            progress = false;
            for (WebhookDelivery due : store.due(asOf, PAGE)) {
                if (!timeLeft.getAsBoolean()) {
                    break;
                }
                try {
                    if (!store.claim(due, asOf.plus(LEASE))) {
                        continue;
                    }
                    progress = true;
                    WebhookDelivery outcome = attempt(due, asOf,
                            subscriptions.computeIfAbsent(due.subscriptionId(), store::subscription),
                            () -> secrets.computeIfAbsent(due.subscriptionId(), store::secrets));
                    store.save(outcome);
                    switch (outcome.status()) {
                        case DELIVERED -> delivered++;
                        case PENDING -> retrying++;
                        case FAILED -> dead++;
                    }
                } catch (RuntimeException e) {
                    failures.add(new ItemFailure(due.subscriptionId() + "/" + due.id(), "retried after the lease",
                            e));
                }
            }
        }
        return new Run(delivered, retrying, dead, failures);
    }

    /** {@code stored}: the subscription's secrets, read once a run for all its deliveries. */
    private WebhookDelivery attempt(WebhookDelivery due, Instant asOf, Optional<WebhookSubscription> subscription,
                                    java.util.function.Supplier<List<WebhookSecret>> stored) {
        if (subscription.isEmpty()) {
            return due.failed(new WebhookDelivery.Attempt(asOf, null, "the subscription was deleted"), null);
        }
        List<WebhookSecret> secrets = stored.get().stream().filter(secret -> secret.signsAt(asOf)).toList();
        WebhookSender.Result result = sender.send(subscription.get().url(), due.id(), asOf, due.payload(), secrets);
        var attempt = new WebhookDelivery.Attempt(asOf, result.httpStatus(), result.error());
        if (result.delivered()) {
            return due.delivered(attempt);
        }
        return due.failed(attempt, due.attempts() < RETRIES.size() ? asOf.plus(RETRIES.get(due.attempts())) : null);
    }
}
