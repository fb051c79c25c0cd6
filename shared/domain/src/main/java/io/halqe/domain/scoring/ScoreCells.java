package io.halqe.domain.scoring;

import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.QuestionType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The cells an enriched response counts in: everything ({@code all=all}); its language; the customer's segment,
 * plan, region and free-form attributes as they were at answer time; the link's hidden fields (which win over a
 * customer field of the same name); the survey's touchpoint; each team that owns it, each theme, the comment's
 * feedback type ({@code feedbackType}), and each (team, theme);
 * and the answer's own choices: {@code question:<id>=<option>} for each option chosen in a single- or multi-choice
 * question, {@code question:<id>=yes|no} for a yes/no question — so scores can be grouped by what people answered;
 * and {@code phrase=<language>:<phrase>} for each of the comment's key phrases no lexicon term covers (no theme,
 * sentiment or problem term): what {@link EmergingTopics} watches for phrases the taxonomy does not know yet;
 * and {@code invited=yes} for an answer through an invitation (the response rate's numerator).
 */
public final class ScoreCells {

    public static final String TEAM_THEME = "teamTheme";
    /** The dimension of a question's answers: {@code question:<questionId>}. */
    public static final String QUESTION = "question:";
    /** The dimension of the comment's feedback type (complaint, praise, question, suggestion, bug). */
    public static final String FEEDBACK_TYPE = "feedbackType";
    /** The dimension of the comment's uncovered key phrases, valued {@code <language>:<phrase>}. */
    public static final String PHRASE = "phrase";
    /** The cell of the answers given through an invitation. */
    public static final String INVITED = "invited=yes";
    private static final Set<String> RESERVED = Set.of("all", "language", "touchpoint", "team", "theme", FEEDBACK_TYPE,
            TEAM_THEME, PHRASE, "invited");
    private static final int MAX_VALUE = 100;

    private ScoreCells() {
    }

    public static Set<String> of(Response response) {
        Enrichment enrichment = response.enrichment();
        Map<String, String> segments = new LinkedHashMap<>();
        if (enrichment != null && enrichment.customer() != null) {
            CustomerProfile customer = enrichment.customer();
            customer.attributes().forEach(segments::put);
            put(segments, "segment", customer.segment());
            put(segments, "plan", customer.plan());
            put(segments, "region", customer.region());
        }
        segments.putAll(response.hidden());
        Set<String> cells = new LinkedHashSet<>();
        cells.add(ScoreResponses.ALL);
        cells.add(ScoreResponses.cell("language", enrichment == null ? response.language() : enrichment.language()));
        if (response.invitationId() != null) {
            cells.add(INVITED);
        }
        segments.forEach((dimension, value) -> {
            if (value != null && !value.isBlank() && !reserved(dimension)) {
                cells.add(ScoreResponses.cell(dimension, clip(value)));
            }
        });
        if (enrichment != null) {
            if (enrichment.touchpoint() != null) {
                cells.add(ScoreResponses.cell("touchpoint", clip(enrichment.touchpoint())));
            }
            // the teams that own the answer, never those it was routed to for its score (support's detractors)
            enrichment.owningTeams().forEach(team -> cells.add(ScoreResponses.cell("team", clip(team))));
            enrichment.themes().forEach(theme -> cells.add(ScoreResponses.cell("theme", clip(theme))));
            if (enrichment.feedbackType() != null) {
                cells.add(ScoreResponses.cell(FEEDBACK_TYPE, enrichment.feedbackType()));
            }
            // a team's own themes, for its weekly digest ("team/theme")
            enrichment.owningTeams().forEach(team -> enrichment.themes().forEach(theme ->
                    cells.add(ScoreResponses.cell(TEAM_THEME, clip(team) + "/" + clip(theme)))));
            cells.addAll(phraseCells(response));
        }
        response.answers().forEach((question, answer) -> {
            switch (answer) {
                case Answer.Choices choices -> choices.values().forEach(option ->
                        cells.add(ScoreResponses.cell(QUESTION + question, clip(option))));
                case Answer.Score score when score.type() == QuestionType.YESNO ->
                        cells.add(ScoreResponses.cell(QUESTION + question, score.value() == 1 ? "yes" : "no"));
                default -> {
                }
            }
        });
        return cells;
    }

    /** The cells named by the response's hidden fields: values a link carried for one person (an order id). */
    public static Set<String> hiddenFieldCells(Response response) {
        Set<String> cells = new LinkedHashSet<>();
        response.hidden().forEach((dimension, value) -> {
            if (value != null && !value.isBlank() && !reserved(dimension)) {
                cells.add(ScoreResponses.cell(dimension, clip(value)));
            }
        });
        return cells;
    }

    /**
     * The comment's key phrases that are no lexicon term (the analyzer ranks theme and sentiment terms first, and
     * its evidence names every term it found), each as {@code phrase=<language>:<phrase>}.
     */
    public static Set<String> phraseCells(Response response) {
        Enrichment enrichment = response.enrichment();
        Set<String> cells = new LinkedHashSet<>();
        if (enrichment == null || enrichment.keyPhrases().isEmpty()) {
            return cells;
        }
        Set<String> terms = new java.util.HashSet<>();
        enrichment.matches().forEach(match -> terms.add(match.term()));
        enrichment.keyPhrases().stream().filter(phrase -> !terms.contains(phrase)).forEach(phrase ->
                cells.add(ScoreResponses.cell(PHRASE, enrichment.language() + ":" + clip(phrase))));
        return cells;
    }

    /**
     * The cells that may name a person: the link's hidden fields (an order id) and the comment's own phrases (a
     * name); an erasure takes the answer back out of them.
     */
    public static Set<String> personalCells(Response response) {
        Set<String> cells = hiddenFieldCells(response);
        cells.addAll(phraseCells(response));
        return cells;
    }

    /** Names the aggregates use themselves. */
    private static boolean reserved(String dimension) {
        return RESERVED.contains(dimension) || !dimension.matches("[A-Za-z][A-Za-z0-9_-]{0,63}");
    }

    private static void put(Map<String, String> segments, String dimension, String value) {
        if (value != null) {
            segments.put(dimension, value);
        }
    }

    private static String clip(String value) {
        // cell names are stored one a line, tab-separated from their counters
        String stripped = value.strip().replaceAll("[\\p{Cntrl}|]", "/");
        return stripped.length() <= MAX_VALUE ? stripped : stripped.substring(0, MAX_VALUE);
    }
}
