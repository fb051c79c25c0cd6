package io.halqe.aws.links;

import io.halqe.aws.json.Json;
import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.LinkSigner;
import java.time.Instant;
import java.util.Map;

/**
 * Survey link tokens that name an invitation and nothing about the person: its id, survey and expiry, signed (see
 * {@link SignedTokens}). Who it is for and its hidden fields stay on our side, in the invitation store.
 */
public final class HmacLinkSigner implements LinkSigner {

    private final SignedTokens tokens;

    public HmacLinkSigner(Keyring keys) {
        this.tokens = new SignedTokens(keys, "survey-links");
    }

    /** One key (tests, and a secret holding a single key). */
    public HmacLinkSigner(byte[] key) {
        this(Keyring.single(key));
    }

    @Override
    public String sign(Invitation invitation) {
        var payload = Json.MAPPER.createObjectNode().put("v", 2).put("i", invitation.id()).put("s", invitation.surveyId())
                .put("exp", invitation.expiresAt().getEpochSecond());
        return tokens.sign(payload);
    }

    /** A valid token gives the invitation's id, survey and expiry; the rest comes from the invitation store. */
    @Override
    public LinkCheck verify(String token, Instant now) {
        var payload = tokens.verify(token);
        if (payload.isEmpty() || payload.get().path("v").asInt() != 2 || !payload.get().path("i").isTextual()
                || !payload.get().path("s").isTextual() || !payload.get().path("exp").canConvertToLong()) {
            return new LinkCheck.Forged();
        }
        Instant expiresAt = Instant.ofEpochSecond(payload.get().path("exp").asLong());
        if (now.isAfter(expiresAt)) {
            return new LinkCheck.Expired(expiresAt);
        }
        return new LinkCheck.Valid(new Invitation(payload.get().path("i").asText(), payload.get().path("s").asText(),
                new Customer(null, null, null, null, null), Map.of(), null, expiresAt));
    }
}
