package io.halqe.domain.fakes;

import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.LinkSigner;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tokens are "signed-" + a counter; anything else is forged. Like the real signer, a token gives back only the
 * invitation's id, survey and expiry (the rest is in the invitation store), and expiry is honoured.
 */
public final class FakeLinks implements LinkSigner {

    private final Map<String, Invitation> issued = new HashMap<>();

    @Override
    public String sign(Invitation invitation) {
        String token = "signed-" + issued.size();
        issued.put(token, invitation);
        return token;
    }

    @Override
    public LinkCheck verify(String token, Instant now) {
        Invitation invitation = issued.get(token);
        if (invitation == null) {
            return new LinkCheck.Forged();
        }
        return now.isAfter(invitation.expiresAt()) ? new LinkCheck.Expired(invitation.expiresAt())
                : new LinkCheck.Valid(new Invitation(invitation.id(), invitation.surveyId(),
                        new io.halqe.domain.core.Customer(null, null, null, null, null), Map.of(), null,
                        invitation.expiresAt()));
    }
}
