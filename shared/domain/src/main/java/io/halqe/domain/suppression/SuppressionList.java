package io.halqe.domain.suppression;

import java.time.Instant;

/** Addresses Halqe must not email: unsubscribed, bounced or complained. Honoured by every customer email. */
public interface SuppressionList {

    boolean isSuppressed(String email);

    void suppress(String email, String reason, Instant at);
}
