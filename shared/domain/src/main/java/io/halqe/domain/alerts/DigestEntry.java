package io.halqe.domain.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A rule's match waiting for its recipient's digest; one per (period, recipient, rule, response). {@code language} is
 * the language its team read when it matched (null: English), so the digest is written in it.
 */
public record DigestEntry(String period, String periodKey, String recipient, String ruleId, String ruleName,
                          String severity, String team, String responseId, String surveyId, Integer npsScore,
                          String comment, String sentiment, List<String> themes, String feedbackType,
                          String customerName, String caseId, Instant at, String language) {

    public DigestEntry {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
