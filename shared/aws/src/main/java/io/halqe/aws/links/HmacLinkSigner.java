package io.halqe.aws.links;

import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.LinkSigner;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("v", 2);
        payload.put("i", invitation.id());
        payload.put("s", invitation.surveyId());
        payload.put("exp", invitation.expiresAt().getEpochSecond());
        return tokens.sign(payload);
    }

    /** A valid token gives the invitation's id, survey and expiry; the rest comes from the invitation store. */
    @Override
    public LinkCheck verify(String token, Instant now) {
        Map<String, Object> payload = tokens.verify(token).orElse(Map.of());
        String invitationId = SignedTokens.text(payload, "i");
        String surveyId = SignedTokens.text(payload, "s");
        Long expiry = SignedTokens.whole(payload, "exp");
        if (!Long.valueOf(2).equals(SignedTokens.whole(payload, "v")) || invitationId == null || surveyId == null
                || expiry == null) {
            return new LinkCheck.Forged();
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        if (now.isAfter(expiresAt)) {
            return new LinkCheck.Expired(expiresAt);
        }
        return new LinkCheck.Valid(new Invitation(invitationId, surveyId, new Customer(null, null, null, null, null),
                Map.of(), null, expiresAt));
    }
}
