package io.halqe.domain.suppression;

import java.time.Instant;
import java.util.Optional;

/**
 * Signed unsubscribe links that expire: a link names one address's suppression entry (by its id, never the address
 * itself) and cannot be forged for another.
 */
public interface UnsubscribeLinks {

    String urlFor(String address, Instant at);

    /** The suppression id a token was signed for; empty for a forged, malformed or expired one. */
    Optional<String> suppressionIdOf(String token, Instant now);
}
