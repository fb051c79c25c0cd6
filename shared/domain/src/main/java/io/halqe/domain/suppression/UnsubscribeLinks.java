package io.halqe.domain.suppression;

import java.util.Optional;

/** Signed, per-address unsubscribe links: a link names one address and cannot be forged for another. */
public interface UnsubscribeLinks {

    String urlFor(String email);

    /** The address a token was signed for; empty for a forged or malformed one. */
    Optional<String> emailOf(String token);
}
