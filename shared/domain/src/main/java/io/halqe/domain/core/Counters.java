package io.halqe.domain.core;

import java.time.Instant;

/** Shared counters that forget: each key counts up atomically and is gone after {@code expiresAt}. */
public interface Counters {

    /**
     * Adds {@code amount} (0 or more) to {@code key} and returns its new count; adding 0 reads the count in the same
     * way, so a caller needs no other permission than to add.
     */
    long add(String key, long amount, Instant expiresAt);

    /** Adds one to {@code key} and returns its new count. */
    default long increment(String key, Instant expiresAt) {
        return add(key, 1, expiresAt);
    }

    /**
     * Adds one to each of {@code fields} of {@code key} — in one write where the store allows — and returns their new
     * counts. A field counts apart from every other field and from {@link #increment} of the same key.
     */
    default java.util.Map<String, Long> incrementAll(String key, java.util.Collection<String> fields, Instant expiresAt) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String field : fields) {
            counts.put(field, increment(key + "#" + field, expiresAt));
        }
        return counts;
    }
}
