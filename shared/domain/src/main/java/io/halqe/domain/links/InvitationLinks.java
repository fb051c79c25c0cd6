package io.halqe.domain.links;

import io.halqe.domain.links.LinkSigner.LinkCheck;
import java.time.Instant;

/**
 * Survey links that name an invitation and nothing about the person: issuing stores the invitation and signs its id;
 * opening verifies the signature and expiry before reading the stored invitation. A link whose invitation is not
 * stored (or no longer) opens nothing.
 */
public final class InvitationLinks {

    private final LinkSigner signer;
    private final InvitationStore store;

    public InvitationLinks(LinkSigner signer, InvitationStore store) {
        this.signer = signer;
        this.store = store;
    }

    /** The token of the invitation, now stored (and counted as sent at {@code sentAt}, unless it was before). */
    public String issue(Invitation invitation, Instant sentAt) {
        store.save(invitation, sentAt);
        return signer.sign(invitation);
    }

    /** How many invitations to the survey were sent from {@code from} to {@code to}, both included. */
    public long sentBetween(String surveyId, java.time.LocalDate from, java.time.LocalDate to) {
        return store.sentBetween(surveyId, from, to);
    }

    public LinkCheck open(String token, Instant now) {
        return switch (signer.verify(token, now)) {
            case LinkCheck.Valid valid -> store.find(valid.invitation().id())
                    .filter(stored -> stored.surveyId().equals(valid.invitation().surveyId()))
                    .<LinkCheck>map(stored -> new LinkCheck.Valid(stored))
                    .orElseGet(LinkCheck.Forged::new);
            case LinkCheck other -> other;
        };
    }
}
