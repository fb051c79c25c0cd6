package io.halqe.domain.customers;

import io.halqe.domain.core.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface CustomerDirectory {

    /** Stores the profile unless a newer one ({@code updatedAt}) is stored; says which happened. */
    Upserted upsert(CustomerProfile profile);

    /**
     * Makes sure the directory knows this person: creates the entry when there is none, else sets only the fields it
     * lacks. Never changes a field the CRM (or an earlier fill-in) set, nor {@code updatedAt}; idempotent.
     */
    void fillIn(CustomerProfile known);

    /** {@link #fillIn} for each (a store may write them together); one entry per person. */
    default void fillInAll(List<CustomerProfile> known) {
        known.forEach(this::fillIn);
    }

    Optional<CustomerProfile> find(String customerId);

    /** Removes the comment quoted in one history entry (retention), if it is there. */
    void forgetComment(String customerId, java.time.Instant submittedAt, String responseId);

    /** Deletes the person's profile, health and history; the number of items removed (0 when already gone). */
    int erase(String customerId);

    /** Many at once — one round trip per hundred, whatever the batch. */
    default Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
        return lookup(customerIds).profiles();
    }

    /** Profiles and health of many customers, in the same round trips. */
    Known lookup(Collection<String> customerIds);

    /** Adds the entries to their customers' histories and stores their new health (idempotent per response). */
    void appendHistory(Map<String, List<FeedbackEntry>> entriesByCustomer, Collection<CustomerHealth> health);

    Optional<CustomerHealth> health(String customerId);

    /** The customer's health as stored, read consistently, and its version (0: none, or stored before versions). */
    StoredHealth storedHealth(String customerId);

    /**
     * Stores {@code next} as its customer's health only if the stored health is still at {@code seenVersion}; false
     * when another writer came first (two enrichments of the same customer's answers at once), so nothing is lost.
     */
    boolean replaceHealth(CustomerHealth next, long seenVersion);

    /** A health (null when none is stored) and its version. */
    record StoredHealth(CustomerHealth health, long version) {
    }

    /** {@code healthVersions}: the version of each health found (see {@link #replaceHealth}). */
    record Known(Map<String, CustomerProfile> profiles, Map<String, CustomerHealth> health,
                 Map<String, Long> healthVersions) {

        public Known(Map<String, CustomerProfile> profiles, Map<String, CustomerHealth> health) {
            this(profiles, health, Map.of());
        }
    }

    /** Newest first. */
    Page<FeedbackEntry> history(String customerId, int limit, String cursor);

    enum Upserted { CREATED, UPDATED, STALE }
}
