package io.halqe.domain.outreach;

import java.time.Instant;
import java.util.Optional;

/** When each customer was last invited, for the frequency cap across surveys and channels. */
public interface ContactLog {

    /**
     * Counts this contact unless another outreach contacted the customer after {@code capStart}; atomic, so two sweeps
     * cannot both contact the customer. Claiming again for the same outreach succeeds (a retried send).
     */
    boolean claim(String customerKey, String outreachId, Instant at, Instant capStart);

    /** Counts a contact exempt from the cap (a re-survey after a case), so later invitations wait for it. */
    void record(String customerKey, String outreachId, Instant at);

    Optional<Instant> lastContact(String customerKey);
}
