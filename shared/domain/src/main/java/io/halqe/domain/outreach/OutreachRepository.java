package io.halqe.domain.outreach;

import java.time.Instant;
import java.util.List;

public interface OutreachRepository {

    /** Pending outreach due at or before {@code now}, oldest first, at most {@code limit}. */
    List<Outreach> due(Instant now, int limit);

    /** Moves pending → sending; false if another sweep has it. */
    boolean claim(Outreach outreach, Instant now);

    void markSent(Outreach outreach, Instant now);

    /** Gives the claim back (sending failed) so a later sweep retries. */
    void release(Outreach outreach);

    void schedule(Outreach outreach);
}
