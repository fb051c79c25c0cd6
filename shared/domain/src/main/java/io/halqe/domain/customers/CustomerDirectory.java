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

    record Known(Map<String, CustomerProfile> profiles, Map<String, CustomerHealth> health) {
    }

    /** Newest first. */
    Page<FeedbackEntry> history(String customerId, int limit, String cursor);

    enum Upserted { CREATED, UPDATED, STALE }
}
