package io.halqe.domain.enrichment;

import java.time.Instant;

/** What enrichment adds to a response. {@code npsCategory} and {@code npsScore} are null without an NPS answer. */
public record Enrichment(
        Integer npsScore,
        NpsCategory npsCategory,
        String comment,
        String language,
        int wordCount,
        Instant enrichedAt) {
}
