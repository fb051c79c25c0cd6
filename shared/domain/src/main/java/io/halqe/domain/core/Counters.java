package io.halqe.domain.core;

import java.time.Instant;

/** Shared counters that forget: each key counts up atomically and is gone after {@code expiresAt}. */
public interface Counters {

    /** Adds one to {@code key} and returns its new count. */
    long increment(String key, Instant expiresAt);
}
