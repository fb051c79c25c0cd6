package io.halqe.domain.links;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Invitations as issued: who they are for and their hidden fields, which the links themselves never carry; and how
 * many each survey sent a day (the response rate's denominator).
 */
public interface InvitationStore {

    /**
     * Records the invitation (again, for a reminder: the same id is the same invitation, counted once, on the day in
     * the reporting zone it was first saved).
     */
    void save(Invitation invitation, Instant sentAt);

    Optional<Invitation> find(String invitationId);

    /** How many invitations to the survey were first sent from {@code from} to {@code to}, both included. */
    long sentBetween(String surveyId, LocalDate from, LocalDate to);
}
