package io.halqe.domain.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a warm function read, kept for a fixed while after the read, so hot definitions (surveys, teams) cost no call
 * on every invocation. An edit is seen within that while. What was not found is never kept: something just created is
 * found at once. A flood of distinct keys cannot grow it past {@link #MAX_ENTRIES}: past it, it starts over.
 */
public final class KeptForAWhile<K, V> {

    static final int MAX_ENTRIES = 1_000;

    private final Duration freshness;
    private final Clock clock;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    private record Kept<V>(V value, Instant readAt) {
    }

    public KeptForAWhile(Duration freshness, Clock clock) {
        this.freshness = freshness;
        this.clock = clock;
    }

    /** The value kept for the key if read within the while, else {@code read}'s, kept when found. */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        Instant now = clock.instant();
        Kept<V> entry = kept.get(key);
        if (entry != null && now.isBefore(entry.readAt().plus(freshness))) {
            return Optional.of(entry.value());
        }
        Optional<V> value = read.apply(key);
        if (value.isPresent()) {
            if (kept.size() >= MAX_ENTRIES) {
                kept.clear();
            }
            kept.put(key, new Kept<>(value.get(), now));
        } else {
            kept.remove(key);
        }
        return value;
    }

    /** Drops what is kept for the key: the next get reads it. */
    public void forget(K key) {
        kept.remove(key);
    }
}
