package io.halqe.domain.response;

import java.time.Instant;
import java.util.Map;

/**
 * A submission as received: answers are untyped JSON values (numbers, strings, lists) until validated;
 * {@code hidden} are unsigned hidden fields from the page, {@code token} a signed invitation, if any;
 * {@code partial} saves what was answered so far (the respondent may go on, under the same key or invitation).
 */
public record SubmissionRequest(
        String surveyId,
        Map<String, Object> answers,
        String language,
        String idempotencyKey,
        String token,
        Map<String, String> hidden,
        boolean partial,
        Instant receivedAt) {

    public SubmissionRequest {
        hidden = hidden == null ? Map.of() : Map.copyOf(hidden);
    }
}
