package io.halqe.domain.fakes;

import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.InvitationStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryInvitations implements InvitationStore {

    public final Map<String, Invitation> stored = new HashMap<>();

    @Override
    public void save(Invitation invitation) {
        stored.put(invitation.id(), invitation);
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        return Optional.ofNullable(stored.get(invitationId));
    }
}
