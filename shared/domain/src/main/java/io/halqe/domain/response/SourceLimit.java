package io.halqe.domain.response;

import io.halqe.domain.core.Counters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perMinute} anonymous submissions from one source (a keyed hash of the client's address, never the
 * address) in each calendar minute; 0 turns the limit off. Signed invitation links are not limited: each answers once.
 *
 * <p>Most sources send one answer a minute, so a source's first answer in a minute is only remembered by this
 * instance (one execution environment); from its second on, the shared counter counts them all, the remembered one
 * included. A warm anonymous submission is then one write, the answer's own. For one environment the limit is exact;
 * across environments a source gets at most one answer more per environment that served it in that minute.
 */
public final class SourceLimit {

    /** Sources remembered in a minute at most: past that, a flood of new sources counts in the shared store at once. */
    static final int REMEMBERED_SOURCES = 10_000;

    /** {@code retryAfter} is zero when admitted. */
    public record Decision(boolean admitted, Duration retryAfter) {
    }

    private static final Decision ADMITTED = new Decision(true, Duration.ZERO);

    private final Counters counters;
    private final int perMinute;
    /** This minute's sources and their answers admitted here and not yet counted in the shared store (0 or 1). */
    private final Map<String, Integer> uncounted = new HashMap<>();
    private long minute = Long.MIN_VALUE;

    public SourceLimit(Counters counters, int perMinute) {
        this.counters = counters;
        this.perMinute = perMinute;
    }

    public Decision admit(String sourceHash, Instant at) {
        if (perMinute <= 0) {
            return ADMITTED;
        }
        long thisMinute = at.getEpochSecond() / 60;
        int toCount = toCount(sourceHash, thisMinute);
        if (toCount == 0) {
            return ADMITTED;
        }
        long count = counters.add("src#" + sourceHash + "#" + thisMinute, toCount,
                Instant.ofEpochSecond((thisMinute + 2) * 60));
        return count <= perMinute ? ADMITTED
                : new Decision(false, Duration.ofSeconds((thisMinute + 1) * 60 - at.getEpochSecond()));
    }

    /**
     * How many answers to add to the source's shared count for this one: 0 when it is the source's first here this
     * minute (remembered instead), else this one and the remembered one, if any.
     */
    private synchronized int toCount(String sourceHash, long thisMinute) {
        if (thisMinute != minute) {
            if (thisMinute < minute) {
                // requests overtake each other at a minute's turn: a late one of the last minute counts at once
                return 1;
            }
            uncounted.clear();
            minute = thisMinute;
        }
        Integer remembered = uncounted.get(sourceHash);
        if (remembered == null) {
            if (uncounted.size() >= REMEMBERED_SOURCES) {
                return 1;
            }
            uncounted.put(sourceHash, 1);
            return 0;
        }
        uncounted.put(sourceHash, 0);
        return remembered + 1;
    }
}
