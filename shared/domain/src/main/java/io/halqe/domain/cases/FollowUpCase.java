package io.halqe.domain.cases;

import java.time.Instant;

/** A follow-up case opened for one response ({@code id} derives from the response, so there is one per response). */
public record FollowUpCase(
        String id,
        String responseId,
        String surveyId,
        CaseStatus status,
        String team,
        String owner,
        String reason,
        Integer npsScore,
        String comment,
        String language,
        Instant openedAt,
        Instant dueAt) {

    public static String idFor(String responseId) {
        return "case-" + responseId;
    }
}
