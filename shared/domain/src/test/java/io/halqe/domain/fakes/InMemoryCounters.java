package io.halqe.domain.fakes;

import io.halqe.domain.core.Counters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counters in a map; expiry is not simulated (each test's keys name their own window). */
public final class InMemoryCounters implements Counters {

    private final Map<String, Long> counts = new HashMap<>();

    @Override
    public synchronized long add(String key, long amount, Instant expiresAt) {
        return counts.merge(key, amount, Long::sum);
    }

    /** The count of {@code key}, 0 when it was never added to. */
    public synchronized long count(String key) {
        return counts.getOrDefault(key, 0L);
    }
}
