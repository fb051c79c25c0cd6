package io.halqe.domain.core;

import java.time.Instant;

/** At-most-once side effects under at-least-once delivery: claim a key before acting, release it if acting failed. */
public interface DeliveryLedger {

    /** True if this caller now owns the key; false if it was claimed before. */
    boolean claim(String key, Instant at);

    void release(String key);

    /** The claimed act happened: the key stays claimed for as long as this ledger keeps what was done. */
    default void complete(String key, Instant at) {
    }

    /**
     * Claims the key and acts; if acting fails the claim is given back (so the retry acts) and the failure propagates.
     * False when the key was claimed before and nothing was done.
     */
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
