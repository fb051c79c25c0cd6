package io.halqe.domain.response;

public sealed interface SubmissionResult {

    /** Stored now, or — for a repeated Idempotency-Key with the same answers — stored earlier. */
    record Accepted(String responseId, boolean replayed) implements SubmissionResult {
    }

    record Invalid(String field, String message) implements SubmissionResult {
    }

    record SurveyNotFound(String surveyId) implements SubmissionResult {
    }

    /** The Idempotency-Key was used before with different answers. */
    record KeyReused(String idempotencyKey) implements SubmissionResult {
    }
}
