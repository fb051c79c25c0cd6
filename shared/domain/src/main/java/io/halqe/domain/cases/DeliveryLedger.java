package io.halqe.domain.cases;

import java.time.Instant;

/** At-most-once side effects under at-least-once delivery: claim a key before acting, release it if acting failed. */
public interface DeliveryLedger {

    /** True if this caller now owns the key; false if it was claimed before. */
    boolean claim(String key, Instant at);

    void release(String key);
}
