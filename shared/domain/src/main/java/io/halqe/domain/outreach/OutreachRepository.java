package io.halqe.domain.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OutreachRepository {

    /** Pending outreach due at or before {@code now}, oldest first, at most {@code limit}. */
    List<Outreach> due(Instant now, int limit);

    /** Moves pending → sending; false if another sweep has it. */
    boolean claim(Outreach outreach, Instant now);

    void markSent(Outreach outreach, Instant now);

    /** Ends the outreach without contact, saying why (frequency_cap, suppressed, answered, no_address). */
    void markSkipped(Outreach outreach, String reason, Instant now);

    /** Gives the claim back, due again at {@code dueAt} (sending failed, or quiet hours deferred it). */
    void release(Outreach outreach, Instant dueAt);

    /** Stores it unless outreach with its id exists (the id makes scheduling idempotent); false then. */
    boolean schedule(Outreach outreach);

    /** Counts one failed attempt to send it (claimed, not sent), saying why; returns the attempts so far. */
    int recordFailure(Outreach outreach, String reason);

    /** Takes it out of the sweep for good, saying why, until someone re-queues it. */
    void park(Outreach outreach, String reason, Instant now);

    /** Parked outreach, most recently parked first, at most {@code limit}. */
    List<Parked> parked(int limit);

    /** A parked outreach due again at {@code now}, its attempts forgotten; false if it is not parked. */
    boolean requeue(String id, Instant now);

    record Parked(Outreach outreach, String reason, int attempts, Instant parkedAt) {
    }

    /** The outreach and what became of it ({@code pending}, {@code sending}, {@code sent}, {@code skipped:<reason>},
     * {@code parked}). */
    Optional<Stored> find(String id);

    record Stored(Outreach outreach, String status) {
    }
}
