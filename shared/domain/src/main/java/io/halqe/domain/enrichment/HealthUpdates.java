package io.halqe.domain.enrichment;

import io.halqe.domain.core.Concurrently;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers a batch adds to each customer's health, stored with a compare-and-set: when another enrichment wrote
 * the same customer's health meanwhile (their answers in parallel batches, as an import brings them), the stored
 * health is read again and this batch's answers applied to it, so no answer drops out of anyone's health.
 */
final class HealthUpdates {

    /** Attempts before the batch fails (and is retried whole: applying an answer twice changes nothing). */
    static final int ATTEMPTS = 10;

    /** One answer's part in its customer's health. */
    record Applied(String responseId, Instant at, Integer nps, boolean complaint, Double lifetimeValue) {
    }

    private final Map<String, List<Applied>> byCustomer = new LinkedHashMap<>();

    void add(String customerId, Applied applied) {
        byCustomer.computeIfAbsent(customerId, id -> new ArrayList<>()).add(applied);
    }

    /** Each customer's new health, starting from what the batch read ({@code known}); {@code atOnce} customers at a time. */
    void store(CustomerDirectory directory, CustomerDirectory.Known known, int atOnce) {
        List<Runnable> stores = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customerId, applied) -> stores.add(() -> store(directory, known, customerId, applied)));
        Concurrently.runAll(stores, atOnce);
    }

    private static void store(CustomerDirectory directory, CustomerDirectory.Known known, String customerId,
                              List<Applied> applied) {
        CustomerHealth seen = known.health().get(customerId);
        long version = known.healthVersions().getOrDefault(customerId, 0L);
        for (int attempt = 1; !directory.replaceHealth(apply(seen, customerId, applied), version); attempt++) {
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("the health of a customer kept changing during " + ATTEMPTS
                        + " attempts; the batch will be retried");
            }
            CustomerDirectory.StoredHealth stored = directory.storedHealth(customerId);
            seen = stored.health();
            version = stored.version();
        }
    }

    private static CustomerHealth apply(CustomerHealth from, String customerId, List<Applied> applied) {
        CustomerHealth health = from;
        for (Applied one : applied) {
            health = CustomerHealth.next(health, customerId, one.responseId(), one.at(), one.nps(), one.complaint(),
                    one.lifetimeValue());
        }
        return health;
    }
}
