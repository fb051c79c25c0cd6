package io.halqe.aws.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.analytics.FeedbackType;
import io.halqe.domain.analytics.Match;
import io.halqe.domain.analytics.Sentiment;
import io.halqe.domain.analytics.TextAnalysis;
import io.halqe.domain.analytics.TextNormalization;
import io.halqe.domain.analytics.Theme;
import io.halqe.domain.analytics.ThemeTaxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A model's answer read against its one fixed schema, {@link AnalysisPrompt#ANSWER_FIELDS}: exactly those fields, each
 * of its type, enum and range; the score's label as the built-in analyzer draws it; theme ids of the survey's taxonomy
 * only, each once; at most five key phrases of at most 80 characters. Anything else is {@link Invalid}, naming the
 * field, and the built-in analyzer reads the comment instead.
 *
 * <p>Checked by hand with Jackson rather than by a JSON Schema library: the shape is small and fixed, the theme
 * enum changes with every survey and the label must agree with the score (neither is a static schema), and a
 * validator would add its own dependencies to the enrichment zip, which has a size budget.
 */
public sealed interface ModelAnswer {

    int MAX_KEY_PHRASES = 5;
    int MAX_KEY_PHRASE_LENGTH = 80;
    Set<String> LANGUAGES = Set.of("en", "fa", "ar");

    /** The model's reading, as the analysis of the comment. */
    record Valid(TextAnalysis analysis) implements ModelAnswer {
    }

    /** Why the answer was not taken: the field and what is wrong with it. */
    record Invalid(String field, String problem) implements ModelAnswer {
    }

    /**
     * @param text     the model's reply: one JSON object, possibly inside a Markdown code fence or a sentence
     * @param taxonomy the themes the model was offered
     * @param evidence what the analysis's matches say of the model (its id)
     */
    static ModelAnswer read(String text, ThemeTaxonomy taxonomy, Match evidence) {
        int start = text == null ? -1 : text.indexOf('{');
        int end = text == null ? -1 : text.lastIndexOf('}');
        if (start < 0 || end < start) {
            return new Invalid("answer", "no JSON object");
        }
        JsonNode answer;
        try {
            answer = Json.STRICT.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                    .readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            return new Invalid("answer", "not JSON");
        }
        return checked(answer, taxonomy, evidence);
    }

    private static ModelAnswer checked(JsonNode answer, ThemeTaxonomy taxonomy, Match evidence) {
        Set<String> fields = new HashSet<>();
        answer.fieldNames().forEachRemaining(fields::add);
        for (String field : AnalysisPrompt.ANSWER_FIELDS) {
            if (!fields.remove(field)) {
                return new Invalid(field, "missing");
            }
        }
        if (!fields.isEmpty()) {
            return new Invalid(fields.iterator().next(), "not a field of the answer");
        }
        String language = answer.get("language").isTextual() ? answer.get("language").textValue() : "";
        if (!LANGUAGES.contains(language)) {
            return new Invalid("language", "not en, fa or ar");
        }
        Sentiment sentiment = wire(answer.get("sentiment"), Sentiment.values());
        if (sentiment == null) {
            return new Invalid("sentiment", "not positive, neutral or negative");
        }
        JsonNode score = answer.get("score");
        if (!score.isNumber() || !(score.doubleValue() >= -1 && score.doubleValue() <= 1)) {
            return new Invalid("score", "not a number from -1 to 1");
        }
        double rounded = Math.round(score.doubleValue() * 1000) / 1000.0;
        if (Sentiment.ofScore(rounded) != sentiment) {
            return new Invalid("sentiment", "does not agree with the score");
        }
        List<String> themes = themes(answer.get("themes"), taxonomy);
        if (themes == null) {
            return new Invalid("themes", "not distinct ids of the survey's themes");
        }
        JsonNode type = answer.get("feedbackType");
        FeedbackType feedbackType = type.isNull() ? null : wire(type, FeedbackType.values());
        if (feedbackType == null && !type.isNull()) {
            return new Invalid("feedbackType", "not null or a feedback type");
        }
        List<String> keyPhrases = keyPhrases(answer.get("keyPhrases"));
        if (keyPhrases == null) {
            return new Invalid("keyPhrases", "not up to " + MAX_KEY_PHRASES + " phrases of up to "
                    + MAX_KEY_PHRASE_LENGTH + " characters");
        }
        // in the analyzer's own normal form, so a phrase counts in the same cell whoever read the comment
        List<String> normalized = keyPhrases.stream().map(phrase -> TextNormalization.normalize(phrase, language))
                .filter(phrase -> !phrase.isEmpty()).distinct().toList();
        return new Valid(new TextAnalysis(language, sentiment, rounded, themes, feedbackType, normalized,
                List.of(evidence)));
    }

    private static <E extends Enum<E>> E wire(JsonNode value, E[] constants) {
        if (!value.isTextual()) {
            return null;
        }
        return Arrays.stream(constants).filter(c -> c.name().toLowerCase(Locale.ROOT).equals(value.textValue()))
                .findFirst().orElse(null);
    }

    /** The ids in the taxonomy's order (as the built-in analyzer gives them); null if one is unknown or repeated. */
    private static List<String> themes(JsonNode value, ThemeTaxonomy taxonomy) {
        if (!value.isArray()) {
            return null;
        }
        Set<String> named = new LinkedHashSet<>();
        for (Iterator<JsonNode> ids = value.elements(); ids.hasNext(); ) {
            JsonNode id = ids.next();
            if (!id.isTextual() || !named.add(id.textValue())) {
                return null;
            }
        }
        List<String> known = taxonomy.themes().stream().map(Theme::id).toList();
        if (!known.containsAll(named)) {
            return null;
        }
        return known.stream().filter(named::contains).toList();
    }

    private static List<String> keyPhrases(JsonNode value) {
        if (!value.isArray() || value.size() > MAX_KEY_PHRASES) {
            return null;
        }
        List<String> phrases = new ArrayList<>(value.size());
        for (JsonNode phrase : value) {
            String text = phrase.isTextual() ? phrase.textValue().strip() : "";
            if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_KEY_PHRASE_LENGTH) {
                return null;
            }
            phrases.add(text);
        }
        return phrases;
    }
}
