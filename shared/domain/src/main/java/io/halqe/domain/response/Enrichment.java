package io.halqe.domain.response;

import io.halqe.domain.analytics.Match;
import io.halqe.domain.customers.CustomerProfile;
import java.time.Instant;
import java.util.List;

/**
 * What enrichment adds to a response: the NPS category, what the comment says (language, sentiment, themes,
 * feedback type, key phrases, and the matched terms that explain it), the customer's profile as it was at answer
 * time, and who owns the response. {@code npsScore}/{@code npsCategory} are null without an NPS answer,
 * {@code customer} without a known customer, {@code feedbackType} without a comment.
 */
public record Enrichment(
        Integer npsScore,
        NpsCategory npsCategory,
        String comment,
        String language,
        int wordCount,
        String sentiment,
        double sentimentScore,
        List<String> themes,
        String feedbackType,
        List<String> keyPhrases,
        List<Match> matches,
        CustomerProfile customer,
        List<String> teams,
        List<String> owners,
        String touchpoint,
        Instant enrichedAt) {

    public Enrichment {
        themes = themes == null ? List.of() : List.copyOf(themes);
        keyPhrases = keyPhrases == null ? List.of() : List.copyOf(keyPhrases);
        matches = matches == null ? List.of() : List.copyOf(matches);
        teams = teams == null ? List.of() : List.copyOf(teams);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    /** The same analysis without the person: no comment, no quoted words, no profile. The figures stay. */
    public Enrichment anonymised() {
        return new Enrichment(npsScore, npsCategory, null, language, wordCount, sentiment, sentimentScore, themes,
                feedbackType, List.of(), List.of(), null, teams, owners, touchpoint, enrichedAt);
    }
}
