package io.halqe.domain.outreach;

/** Whether an invitation was answered (at all, even partly). */
public interface AnswerLookup {

    boolean answered(String surveyId, String invitationId);
}
