package io.halqe.domain.outreach;

import java.time.Instant;

/** Pending contact with a customer — an invitation, a reminder or a re-survey — due at {@code dueAt}. */
public record Outreach(String id, String kind, String surveyId, String customerId, String email, String language,
                       Instant dueAt) {
}
