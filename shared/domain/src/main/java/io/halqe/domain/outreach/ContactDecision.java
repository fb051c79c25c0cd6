package io.halqe.domain.outreach;

import java.time.Instant;

/** What the contact policy says about one outreach now. */
public sealed interface ContactDecision {

    record Contact() implements ContactDecision {
    }

    /** Not now: quiet hours in the customer's time zone end at {@code until}. */
    record Defer(Instant until) implements ContactDecision {
    }

    /** Never, for {@code reason}: suppressed, answered, frequency_cap, no_address. */
    record Skip(String reason, String detail) implements ContactDecision {
    }
}
