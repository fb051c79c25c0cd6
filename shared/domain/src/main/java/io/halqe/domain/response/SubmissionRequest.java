package io.halqe.domain.response;

import java.time.Instant;
import java.util.Map;

/** A submission as received: answers are untyped JSON values (numbers, strings, lists) until validated. */
public record SubmissionRequest(
        String surveyId,
        Map<String, Object> answers,
        String language,
        String idempotencyKey,
        Instant receivedAt) {
}
