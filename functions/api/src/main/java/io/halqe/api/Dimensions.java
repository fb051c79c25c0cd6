package io.halqe.api;

import io.halqe.aws.http.HttpProblem;
import io.halqe.domain.scoring.ScoreCells;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code groupBy} (metrics) and {@code by} (drivers) may name: the answer's language, touchpoint, team, theme,
 * feedback type or comment phrase ({@code <language>:<phrase>}, those no lexicon term covers); the customer's segment, plan, region, health or any CRM attribute some answer in the range carries;
 * one of the survey's hidden fields; or {@code question:<id>} for one of its single-choice, multi-choice or yes/no
 * questions. Anything else is a 400 that says what is available, never an empty list that looks like an answer.
 */
final class Dimensions {

    /** Always known: the analysis's own dimensions and the customer profile's fixed fields. */
    static final List<String> BUILT_IN = List.of("language", "touchpoint", "team", "theme", "feedbackType", "phrase",
            "segment", "plan", "region", "health");
    private static final String NAME = "[A-Za-z][A-Za-z0-9_-]{0,63}";

    private Dimensions() {
    }

    /** Refuses a malformed name, and a {@code question:} that is not one of the survey's groupable questions. */
    static void checkSyntax(Survey survey, String groupBy, String field) {
        if (groupBy.startsWith(ScoreCells.QUESTION)) {
            String id = groupBy.substring(ScoreCells.QUESTION.length());
            Question question = question(survey, id).orElseThrow(() -> refused(field, "survey " + survey.id()
                    + " has no question " + id + "; questions to group by: " + groupableNames(survey)));
            if (!groupable(question.type())) {
                throw refused(field, "question " + id + " is a " + question.type().name().toLowerCase(Locale.ROOT)
                        + " question: its answers are scored or read, not grouped by; questions to group by: "
                        + groupableNames(survey));
            }
            return;
        }
        if (!groupBy.matches(NAME)) {
            throw refused(field, field + " must be a dimension such as plan, or question:<id>");
        }
    }

    /**
     * Refuses a plain name no answer in the range counts in, unless it is built in or a hidden field and no choice
     * question has that name (then the answers to that question are what was meant: say so rather than serve nothing).
     */
    static void checkKnown(Survey survey, String groupBy, Set<String> counted, String field) {
        Optional<Question> sameName = question(survey, groupBy).filter(question -> groupable(question.type()));
        boolean declared = BUILT_IN.contains(groupBy) || survey.hiddenFields().contains(groupBy);
        if (groupBy.startsWith(ScoreCells.QUESTION) || counted.contains(groupBy) || (declared && sameName.isEmpty())) {
            return;
        }
        Set<String> available = new TreeSet<>(BUILT_IN);
        available.addAll(survey.hiddenFields());
        counted.stream().filter(name -> name.matches(NAME) && !name.equals("all")).forEach(available::add);
        groupable(survey).forEach(id -> available.add(ScoreCells.QUESTION + id));
        String hint = sameName.map(question -> " (to group by the answers to question " + groupBy + ", use question:"
                + groupBy + ")").orElse("");
        throw refused(field, "no answer counts in a dimension " + groupBy + hint + "; available: "
                + String.join(", ", available));
    }

    private static Optional<Question> question(Survey survey, String id) {
        return survey.questions().stream().filter(question -> question.id().equals(id)).findFirst();
    }

    private static List<String> groupable(Survey survey) {
        return survey.questions().stream().filter(question -> groupable(question.type())).map(Question::id).toList();
    }

    private static String groupableNames(Survey survey) {
        List<String> names = groupable(survey).stream().map(id -> ScoreCells.QUESTION + id).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static boolean groupable(QuestionType type) {
        return type == QuestionType.SINGLE || type == QuestionType.MULTI || type == QuestionType.YESNO;
    }

    private static HttpProblem refused(String field, String message) {
        return new HttpProblem(400, "invalid_query", message, field);
    }
}
