package io.halqe.domain.core;

import java.util.List;

/**
 * Counts of what a function did, for dashboards and alarms ({@link Metric}); an adapter sends them to CloudWatch at
 * the end of each invocation. Counting is a side note: it never changes or fails the work it counts.
 */
public interface Metrics {

    void count(Metric metric, long n);

    /** Counts nothing. */
    Metrics NONE = (metric, n) -> { };

    /** Each item a loop failed on: parked ({@link ItemFailure#parked()}), or to be tried again. */
    default void countFailures(List<ItemFailure> failures) {
        failures.forEach(failure -> count(failure.parked() ? Metric.ITEMS_PARKED : Metric.ITEMS_FAILED, 1));
    }

    /** The mailer, each email counted once it is sent. */
    default Mailer counting(Mailer mailer) {
        return counting(mailer, Metric.EMAILS_SENT);
    }

    /** The mailer, each email counted as {@code metric} once it is sent. */
    default Mailer counting(Mailer mailer, Metric metric) {
        return email -> {
            mailer.send(email);
            count(metric, 1);
        };
    }

    /** The notifier, each alert counted once it is published. */
    default Notifier counting(Notifier notifier) {
        return notification -> {
            notifier.publish(notification);
            count(Metric.ALERTS_SENT, 1);
        };
    }
}
