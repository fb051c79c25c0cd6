package io.halqe.domain.fakes;

import io.halqe.domain.core.Counters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counters in a map; expiry is not simulated (each test's keys name their own window). */
public final class InMemoryCounters implements Counters {

    private final Map<String, Long> counts = new HashMap<>();

    @Override
    public synchronized long increment(String key, Instant expiresAt) {
        return counts.merge(key, 1L, Long::sum);
    }
}
