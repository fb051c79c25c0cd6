package io.halqe.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time plus an offset that only grows: {@code POST /_local/clock} moves it forward. */
public final class LocalClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Moves the clock forward to {@code target} (never back). */
    synchronized void moveTo(Instant target) {
        Instant now = instant();
        if (target.isAfter(now)) {
            offset = offset.plus(Duration.between(now, target));
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the local clock is UTC");
    }
}
