package io.halqe.domain.cases;

import io.halqe.domain.events.ResponseEnriched;
import java.util.Optional;

/**
 * A re-survey's answer (its invitation is {@code resurvey-<caseId>}) goes on the case as
 * {@code remeasurement: {scoreBefore, scoreAfter, answeredAt}} — once, however often the event arrives.
 */
public final class RecordRemeasurement {

    public static final String INVITATION_PREFIX = "resurvey-";

    private final CaseRepository cases;

    public RecordRemeasurement(CaseRepository cases) {
        this.cases = cases;
    }

    /** The remeasurement recorded now; empty when the answer is not a re-survey's or was recorded before. */
    public Optional<CaseWork.Remeasurement> record(ResponseEnriched answer) {
        if (answer.invitationId() == null || !answer.invitationId().startsWith(INVITATION_PREFIX)) {
            return Optional.empty();
        }
        String caseId = answer.invitationId().substring(INVITATION_PREFIX.length());
        return cases.find(caseId).flatMap(measured -> {
            var remeasurement = new CaseWork.Remeasurement(measured.npsScore(), answer.npsScore(), answer.submittedAt());
            return cases.recordRemeasurement(caseId, remeasurement) ? Optional.of(remeasurement) : Optional.empty();
        });
    }
}
