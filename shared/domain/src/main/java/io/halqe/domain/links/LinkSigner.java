package io.halqe.domain.links;

import java.time.Instant;

/** Signs invitations into URL-safe tokens and verifies them (in constant time). */
public interface LinkSigner {

    String sign(Invitation invitation);

    LinkCheck verify(String token, Instant now);

    sealed interface LinkCheck {
        record Valid(Invitation invitation) implements LinkCheck {
        }

        /** Malformed, tampered or signed with another key. */
        record Forged() implements LinkCheck {
        }

        record Expired(Instant expiredAt) implements LinkCheck {
        }
    }
}
