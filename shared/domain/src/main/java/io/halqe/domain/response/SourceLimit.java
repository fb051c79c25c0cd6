package io.halqe.domain.response;

import io.halqe.domain.core.Counters;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code perMinute} anonymous submissions from one source (a keyed hash of the client's address, never the
 * address) in each calendar minute; 0 turns the limit off. Signed invitation links are not limited: each answers once.
 */
public final class SourceLimit {

    /** {@code retryAfter} is zero when admitted. */
    public record Decision(boolean admitted, Duration retryAfter) {
    }

    private final Counters counters;
    private final int perMinute;

    public SourceLimit(Counters counters, int perMinute) {
        this.counters = counters;
        this.perMinute = perMinute;
    }

    public Decision admit(String sourceHash, Instant at) {
        if (perMinute <= 0) {
            return new Decision(true, Duration.ZERO);
        }
        long minute = at.getEpochSecond() / 60;
        long count = counters.increment("src#" + sourceHash + "#" + minute, Instant.ofEpochSecond((minute + 2) * 60));
        return count <= perMinute ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofSeconds((minute + 1) * 60 - at.getEpochSecond()));
    }
}
