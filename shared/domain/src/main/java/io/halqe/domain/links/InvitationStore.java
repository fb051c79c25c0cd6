package io.halqe.domain.links;

import java.util.Optional;

/** Invitations as issued: who they are for and their hidden fields, which the links themselves never carry. */
public interface InvitationStore {

    /** Records the invitation (again, for a reminder: the same id is the same invitation). */
    void save(Invitation invitation);

    Optional<Invitation> find(String invitationId);
}
