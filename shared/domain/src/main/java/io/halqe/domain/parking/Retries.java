package io.halqe.domain.parking;

import java.time.Duration;

/** How every loop over independent items retries one that fails: with a growing pause, then it parks the item. */
public final class Retries {

    /** Attempts before an item is parked. */
    public static final int MAX_ATTEMPTS = 5;

    private Retries() {
    }

    /** 5, 10, 20, 40 minutes after the 1st to 4th failed attempt. */
    public static Duration backoff(int attempts) {
        return Duration.ofMinutes(5L << Math.min(Math.max(attempts, 1) - 1, 10));
    }
}
