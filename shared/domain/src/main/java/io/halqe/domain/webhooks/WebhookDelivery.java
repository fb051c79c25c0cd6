package io.halqe.domain.webhooks;

import java.time.Instant;

/**
 * One message to one subscription. {@code id} is the message's {@code webhook-id}: the same for every attempt, so a
 * receiver can drop a repeat. {@code attempts} counts the attempts made; {@code nextAttemptAt} is set while pending.
 */
public record WebhookDelivery(String subscriptionId, String id, String type, Instant occurredAt, String payload,
                              Status status, int attempts, Instant nextAttemptAt, Attempt lastAttempt) {

    public enum Status {
        PENDING, DELIVERED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code pending}, {@code delivered} or {@code failed}; anything else is an IllegalArgumentException. */
        public static Status fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** {@code httpStatus} is null when no answer came (refused, timed out); {@code error} says what went wrong. */
    public record Attempt(Instant at, Integer httpStatus, String error) {
    }

    /** How the API names it: the time of its event, in milliseconds, and its message id; sorts by time. */
    public String key() {
        return String.format(java.util.Locale.ROOT, "%013d.%s", occurredAt.toEpochMilli(), id);
    }

    static WebhookDelivery pending(String subscriptionId, String id, String type, Instant occurredAt, String payload,
                                   Instant due) {
        return new WebhookDelivery(subscriptionId, id, type, occurredAt, payload, Status.PENDING, 0, due, null);
    }

    WebhookDelivery delivered(Attempt attempt) {
        return new WebhookDelivery(subscriptionId, id, type, occurredAt, payload, Status.DELIVERED, attempts + 1, null,
                attempt);
    }

    /** Tried again at {@code next}, or dead-lettered ({@link Status#FAILED}) when {@code next} is null. */
    WebhookDelivery failed(Attempt attempt, Instant next) {
        return new WebhookDelivery(subscriptionId, id, type, occurredAt, payload,
                next == null ? Status.FAILED : Status.PENDING, attempts + 1, next, attempt);
    }

    /** Sent again from the start of the schedule, as a re-send asks. */
    WebhookDelivery requeued(Instant due) {
        return new WebhookDelivery(subscriptionId, id, type, occurredAt, payload, Status.PENDING, 0, due, lastAttempt);
    }
}
