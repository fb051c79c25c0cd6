package io.halqe.domain.response;

import io.halqe.domain.analytics.Match;
import io.halqe.domain.customers.CustomerProfile;
import java.time.Instant;
import java.util.List;

/**
 * What enrichment adds to a response: the NPS category, what the comment says (language, sentiment, themes,
 * feedback type, key phrases, and the matched terms that explain it), the customer's profile as it was at answer
 * time, who hears of the response ({@code teams}, {@code owners}) and which teams own it ({@code owningTeams}: those
 * routed by a rule that does not depend on the score, see {@code RoutingRule.owns}). {@code npsScore}/{@code npsCategory} are null without an NPS answer,
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
        Instant enrichedAt,
        List<String> owningTeams) {

    public Enrichment {
        themes = themes == null ? List.of() : List.copyOf(themes);
        keyPhrases = keyPhrases == null ? List.of() : List.copyOf(keyPhrases);
        matches = matches == null ? List.of() : List.copyOf(matches);
        teams = teams == null ? List.of() : List.copyOf(teams);
        owners = owners == null ? List.of() : List.copyOf(owners);
        owningTeams = owningTeams == null ? teams : List.copyOf(owningTeams);
    }

    /** An enrichment whose every routed team owns the response (as before ownership was told apart from routing). */
    public Enrichment(Integer npsScore, NpsCategory npsCategory, String comment, String language, int wordCount,
                      String sentiment, double sentimentScore, List<String> themes, String feedbackType,
                      List<String> keyPhrases, List<Match> matches, CustomerProfile customer, List<String> teams,
                      List<String> owners, String touchpoint, Instant enrichedAt) {
        this(npsScore, npsCategory, comment, language, wordCount, sentiment, sentimentScore, themes, feedbackType,
                keyPhrases, matches, customer, teams, owners, touchpoint, enrichedAt, teams);
    }

    /** The same analysis without the person: no comment, no quoted words, no profile. The figures stay. */
    public Enrichment anonymised() {
        return new Enrichment(npsScore, npsCategory, null, language, wordCount, sentiment, sentimentScore, themes,
                feedbackType, List.of(), List.of(), null, teams, owners, touchpoint, enrichedAt, owningTeams);
    }
}
