package io.halqe.domain.response;

import io.halqe.domain.core.Problem;

public sealed interface SubmissionResult {

    /** Stored now, or — for a repeated Idempotency-Key or invitation with the same answers — stored earlier. */
    record Accepted(String responseId, boolean replayed) implements SubmissionResult {
    }

    record Invalid(Problem problem) implements SubmissionResult {
    }

    record SurveyNotFound(String surveyId) implements SubmissionResult {
    }

    /** The Idempotency-Key or invitation was used before with different answers. */
    record KeyReused(String what) implements SubmissionResult {
    }

    /** The link is forged, tampered, expired, for another survey, or required and missing. */
    /** The answer this completes is being processed right now (seconds); the same request a moment later succeeds. */
    record StillProcessing(String responseId) implements SubmissionResult {
    }

    record LinkRefused(String reason) implements SubmissionResult {
    }
}
