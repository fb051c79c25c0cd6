package io.halqe.domain.cases;

import io.halqe.domain.core.Page;
import java.util.List;
import java.util.Optional;

public interface CaseRepository {

    /** Stores the case unless one with its id exists; returns the stored one either way, and whether it is new. */
    Opened openIfAbsent(FollowUpCase followUpCase);

    Optional<FollowUpCase> find(String caseId);

    /** Removes what a case holds about the person (the comment, notes, resolution, actions); false if no such case. */
    boolean anonymise(String caseId);

    Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor);

    /** What the team recorded on the case ({@link CaseWork#NONE} for a new or unknown one). */
    CaseWork work(String caseId);

    /**
     * Applies the patch if the case still has status {@code from} (moving it to {@code to} when given); empty when it
     * moved meanwhile.
     */
    Optional<FollowUpCase> update(String caseId, CaseStatus from, CaseStatus to, UpdateCase.Patch patch,
                                  java.time.Instant at);

    /** False if there is no such case. */
    boolean addNote(String caseId, CaseWork.Note note);

    /** Cases with a status, optionally only a team's or an owner's. */
    default Page<FollowUpCase> list(CaseStatus status, String team, String owner, int limit, String cursor) {
        return listByStatus(status, limit, cursor);
    }

    /**
     * Closes the case with its resolution (closing a closed case changes nothing); empty if there is no such case.
     * {@link Closed#now} says whether this call closed it, so a repeated close is not counted twice.
     */
    Optional<Closed> close(String caseId, String resolution, java.time.Instant at);

    /**
     * Cases with this status due before {@code now} and not escalated yet, soonest due first — leaving out those whose
     * escalation is parked or waiting out its backoff.
     */
    List<FollowUpCase> overdue(CaseStatus status, java.time.Instant now, int limit);

    /** Counts a failed escalation; returns the attempts so far. */
    int recordEscalationFailure(String caseId);

    /** Leaves the case out of the escalation sweep until {@code retryAt}. */
    void deferEscalation(String caseId, java.time.Instant retryAt);

    /** Leaves the case out of the escalation sweep until {@link #clearEscalationFailures} (its escalation is parked). */
    void parkEscalation(String caseId);

    /** Forgets failed escalation attempts, so the next sweep escalates the case again. */
    void clearEscalationFailures(String caseId);

    /** Records the escalation unless the case was escalated before or is resolved or closed; false then. */
    boolean markEscalated(String caseId, java.time.Instant at);

    /** Records what the re-survey found, once (the first answer wins); false if there is no such case or it has one. */
    boolean recordRemeasurement(String caseId, CaseWork.Remeasurement remeasurement);

    record Opened(FollowUpCase followUpCase, boolean created) {
    }

    record Closed(FollowUpCase followUpCase, boolean now) {
    }
}
