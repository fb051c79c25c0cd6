package io.halqe.domain.cases;

import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.ResponseStatus;
import java.util.Optional;

/**
 * A re-survey's answer (its invitation is {@code resurvey-<caseId>}) goes on the case as
 * {@code remeasurement: {scoreBefore, scoreAfter, answeredAt}} — once, however often the event arrives. The event
 * only says which response to look at: the invitation and the score are read from the stored response, whose
 * invitation only a verified signed link can set, so a forged event records nothing.
 */
public final class RecordRemeasurement {

    public static final String INVITATION_PREFIX = "resurvey-";

    private final CaseRepository cases;
    private final ResponseRepository responses;

    public RecordRemeasurement(CaseRepository cases, ResponseRepository responses) {
        this.cases = cases;
        this.responses = responses;
    }

    /** The remeasurement recorded now; empty when the answer is not a re-survey's or was recorded before. */
    public Optional<CaseWork.Remeasurement> record(ResponseEnriched answer) {
        if (answer.invitationId() == null || !answer.invitationId().startsWith(INVITATION_PREFIX)) {
            return Optional.empty();
        }
        Optional<Response> stored = responses.find(answer.surveyId(), answer.responseId())
                .filter(response -> response.status() == ResponseStatus.ENRICHED && response.enrichment() != null
                        && !response.historical())
                .filter(response -> response.invitationId() != null && response.invitationId().startsWith(INVITATION_PREFIX));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String caseId = stored.get().invitationId().substring(INVITATION_PREFIX.length());
        Integer scoreAfter = stored.get().enrichment().npsScore();
        return cases.find(caseId).flatMap(measured -> {
            var remeasurement = new CaseWork.Remeasurement(measured.npsScore(), scoreAfter, stored.get().submittedAt());
            return cases.recordRemeasurement(caseId, remeasurement) ? Optional.of(remeasurement) : Optional.empty();
        });
    }
}
