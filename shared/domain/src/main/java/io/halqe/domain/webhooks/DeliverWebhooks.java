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
 * Webhook deliveries: each is first tried as soon as it is added ({@link #deliverAdded}), then by the sweep when due
 * ({@link #deliver}); each attempt claims the delivery, signs and posts it. A failed attempt is tried again after
 * {@link #RETRIES} (the Standard Webhooks schedule, about a day and four hours in all); after the last one the delivery is
 * dead-lettered ({@code failed}) and waits for a re-send. A delivery that fails to be recorded is one item: the others go on.
 */
public final class DeliverWebhooks {

    /** The waits after each failed attempt; an attempt after the last wait that fails too is the last. */
    public static final List<Duration> RETRIES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    /** How long a claimed attempt keeps others off; one whose run died is tried again after it. */
    static final Duration LEASE = Duration.ofMinutes(15);
    /**
     * How far a new delivery's due time (its event's, from another function's clock) may be ahead of this one's: one
     * further ahead is under another attempt's {@link #LEASE} (an announcement that comes again while the first
     * attempt or the sweep is sending it), and is left alone.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int PAGE = 50;

    public record Run(int delivered, int retrying, int deadLettered, List<ItemFailure> failures) {
    }

    private final WebhookStore store;
    private final WebhookSender sender;

    public DeliverWebhooks(WebhookStore store, WebhookSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** A delivery named by its subscription and its key ({@link WebhookDelivery#key()}), as a new one is announced. */
    public record Added(String subscriptionId, String deliveryKey) {
    }

    /** {@code asOf}: the sweep's time, also each message's {@code webhook-timestamp}; {@code timeLeft}: whether to go on. */
    public Run deliver(Instant asOf, BooleanSupplier timeLeft) {
        Tally tally = new Tally();
        boolean progress = true;
        while (progress && timeLeft.getAsBoolean()) {
            progress = false;
            for (WebhookDelivery due : store.due(asOf, PAGE)) {
                if (!timeLeft.getAsBoolean()) {
                    break;
                }
                progress |= tally.tryOnce(due, asOf);
            }
        }
        return tally.run();
    }

    /**
     * The first attempt of deliveries just added, made at once rather than at the next sweep: each one still pending
     * and never tried is claimed and sent as the sweep would, stamped no earlier than its due time. One already taken
     * (by the sweep, or a repeated announcement: its next attempt is then a lease away) is left alone; one that cannot
     * be recorded waits for the sweep.
     */
    public Run deliverAdded(List<Added> added, Instant now, BooleanSupplier timeLeft) {
        Tally tally = new Tally();
        for (Added one : added) {
            if (!timeLeft.getAsBoolean()) {
                break;
            }
            try {
                store.delivery(one.subscriptionId(), one.deliveryKey())
                        .filter(delivery -> delivery.status() == WebhookDelivery.Status.PENDING && delivery.attempts() == 0
                                && !delivery.nextAttemptAt().isAfter(now.plus(CLOCK_SKEW)))
                        .ifPresent(delivery -> tally.tryOnce(delivery, later(now, delivery.nextAttemptAt())));
            } catch (RuntimeException e) {
                tally.failures.add(new ItemFailure(one.subscriptionId() + "/" + one.deliveryKey(), "left to the sweep", e));
            }
        }
        return tally.run();
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /** One run's counts, and the subscriptions and secrets it read, each once. */
    private final class Tally {
        private final Map<String, Optional<WebhookSubscription>> subscriptions = new HashMap<>();
        private final Map<String, List<WebhookSecret>> secrets = new HashMap<>();
        private final List<ItemFailure> failures = new ArrayList<>();
        private int delivered;
        private int retrying;
        private int dead;

        /** Claims and attempts one delivery; false when it could not be taken (another run has it, or the claim failed). */
        boolean tryOnce(WebhookDelivery due, Instant asOf) {
            boolean claimed = false;
            try {
                claimed = store.claim(due, asOf.plus(LEASE));
                if (!claimed) {
                    return false;
                }
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
                failures.add(new ItemFailure(due.subscriptionId() + "/" + due.id(), "retried after the lease", e));
            }
            return claimed;
        }

        Run run() {
            return new Run(delivered, retrying, dead, failures);
        }
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
