package io.halqe.domain.customers;

import java.time.Instant;
import java.util.List;

/** One answer in a customer's history, as enrichment understood it. */
public record FeedbackEntry(String responseId, String surveyId, Instant submittedAt, Integer npsScore,
                            String npsCategory, String sentiment, List<String> themes, String feedbackType,
                            String comment, String language) {

    public FeedbackEntry {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }
}
