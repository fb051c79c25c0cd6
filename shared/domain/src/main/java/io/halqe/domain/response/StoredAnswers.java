package io.halqe.domain.response;

import io.halqe.domain.outreach.AnswerLookup;

/** An invitation was answered when its one response exists — complete, partial or a saved draft. */
public final class StoredAnswers implements AnswerLookup {

    private final ResponseRepository responses;

    public StoredAnswers(ResponseRepository responses) {
        this.responses = responses;
    }

    @Override
    public boolean answered(String surveyId, String invitationId) {
        return responses.find(surveyId, SubmitResponse.responseIdForInvitation(surveyId, invitationId)).isPresent();
    }
}
