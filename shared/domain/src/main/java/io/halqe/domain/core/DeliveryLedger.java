package io.halqe.domain.core;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** At-most-once side effects under at-least-once delivery: claim a key before acting, release it if acting failed. */
public interface DeliveryLedger {

    /** True if this caller now owns the key; false if it was claimed before. */
    boolean claim(String key, Instant at);

    void release(String key);

    /** True if {@link #claim} would now answer false — a done claim, or a lease still held — without claiming. */
    boolean claimed(String key, Instant at);

    /** The claimed act happened: the key stays claimed for as long as this ledger keeps what was done. */
    default void complete(String key, Instant at) {
    }

    /**
     * Claims the key and acts; if acting fails the claim is given back (so the retry acts) and the failure propagates.
     * False when the key was claimed before and nothing was done.
     */
    /**
     * Claims several keys of one {@code group} (say, every send about one response) — in one write where the store
     * allows — and returns those this caller now owns, each to be completed or released as {@link #once} would.
     */
    default Set<String> claimAll(String group, Collection<String> keys, Instant at) {
        Set<String> claimed = new LinkedHashSet<>();
        for (String key : keys) {
            if (claim(key, at)) {
                claimed.add(key);
            }
        }
        return claimed;
    }

    /** The acts of these keys of {@code group}, claimed by {@link #claimAll}, happened. */
    default void completeAll(String group, Collection<String> keys, Instant at) {
        keys.forEach(key -> complete(key, at));
    }

    /** Gives back these keys of {@code group}, claimed by {@link #claimAll}, whose acts did not happen. */
    default void releaseAll(String group, Collection<String> keys) {
        keys.forEach(this::release);
    }

    default boolean once(String key, Instant at, Runnable action) {
        if (!claim(key, at)) {
            return false;
        }
        try {
            action.run();
        } catch (RuntimeException failure) {
            release(key);
            throw failure;
        }
        complete(key, at);
        return true;
    }
}
