package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a definition before it is stored; the first problem is reported with the field it concerns. */
public final class SurveyValidator {


    private static final Pattern SURVEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern FIELD_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:(\\d{1,5}|\\*))?");
    private static final Set<String> CATEGORIES = Set.of("detractor", "passive", "promoter");
    private static final int MAX_QUESTIONS = 50;
    private static final int MAX_TEXT = 1000;

    private SurveyValidator() {
    }

    public static Optional<Problem> check(Survey survey) {
        if (survey.id() == null || !SURVEY_ID.matcher(survey.id()).matches()) {
            return problem("id", "must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit");
        }
        if (survey.name() == null || survey.name().isEmpty()) {
            return problem("name", "is required: a text, or one per language");
        }
        for (var entry : List.of(Map.entry("name", Optional.of(survey.name())),
                Map.entry("emailSubject", Optional.ofNullable(survey.emailSubject())),
                Map.entry("smsText", Optional.ofNullable(survey.smsText())))) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            for (var text : entry.getValue().get().byLanguage().entrySet()) {
                String field = entry.getValue().get().isSingle() ? entry.getKey() : entry.getKey() + "." + text.getKey();
                if (!text.getKey().equals(LocalizedText.ANY) && survey.languages() != null
                        && !survey.languages().contains(text.getKey())) {
                    return problem(field, "is not one of the survey's languages " + survey.languages());
                }
                if (text.getValue() == null || text.getValue().isBlank() || text.getValue().length() > 200
                        || text.getValue().contains("\n")) {
                    return problem(field, "must be one line of at most 200 characters");
                }
            }
        }
        if (survey.kind() == null) {
            return problem("kind", "is required: relationship, transactional or employee");
        }
        if (survey.languages().isEmpty()) {
            return problem("languages", "must list at least one language");
        }
        for (int i = 0; i < survey.languages().size(); i++) {
            if (survey.languages().get(i) == null || !LANGUAGE.matcher(survey.languages().get(i)).matches()) {
                return problem("languages[" + i + "]", "must be a language code such as en, fa or ar");
            }
        }
        if (new HashSet<>(survey.languages()).size() != survey.languages().size()) {
            return problem("languages", "must not repeat a language");
        }
        if (survey.defaultLanguage() == null || !survey.languages().contains(survey.defaultLanguage())) {
            return problem("defaultLanguage", "must be one of languages " + survey.languages());
        }
        Optional<Problem> questions = checkQuestions(survey);
        if (questions.isPresent()) {
            return questions;
        }
        Set<String> questionIds = new HashSet<>();
        survey.questions().forEach(question -> questionIds.add(question.id()));
        Set<String> hidden = new HashSet<>();
        for (int i = 0; i < survey.hiddenFields().size(); i++) {
            String field = survey.hiddenFields().get(i);
            if (field == null || !FIELD_ID.matcher(field).matches()) {
                return problem("hiddenFields[" + i + "]", "must be a name of letters, digits, _ or -, starting with a letter");
            }
            if (questionIds.contains(field) || !hidden.add(field)) {
                return problem("hiddenFields[" + i + "]", "repeats a question id or another hidden field: " + field);
            }
        }
        for (int i = 0; i < survey.allowedOrigins().size(); i++) {
            String origin = survey.allowedOrigins().get(i);
            if (origin == null || !ORIGIN.matcher(origin).matches()) {
                return problem("allowedOrigins[" + i + "]", "must be an origin such as https://shop.example.com (no path)");
            }
        }
        Optional<Problem> texts = checkTexts("thankYou", survey.thankYou(), survey, false);
        if (texts.isPresent()) {
            return texts;
        }
        for (var entry : survey.followUp().entrySet()) {
            if (!CATEGORIES.contains(entry.getKey())) {
                return problem("followUp." + entry.getKey(), "must be one of detractor, passive, promoter");
            }
            Optional<Problem> followUp = checkTexts("followUp." + entry.getKey(), entry.getValue(), survey, true);
            if (followUp.isPresent()) {
                return followUp;
            }
        }
        if (!survey.followUp().isEmpty() && survey.npsQuestion().isEmpty()) {
            return problem("followUp", "needs an nps question to follow up on");
        }
        Set<String> themeIds = new HashSet<>();
        for (int i = 0; i < survey.themes().size(); i++) {
            var theme = survey.themes().get(i);
            String at = "themes[" + i + "]";
            if (theme == null || theme.id() == null || !FIELD_ID.matcher(theme.id()).matches() || !themeIds.add(theme.id())) {
                return problem(at + ".id", "must be a unique name of letters, digits, _ or -");
            }
            if (theme.terms() == null || theme.terms().isEmpty()) {
                return problem(at + ".terms", "needs terms in at least one language");
            }
            for (var terms : theme.terms().entrySet()) {
                if (!LANGUAGE.matcher(terms.getKey()).matches() || terms.getValue() == null || terms.getValue().isEmpty()
                        || terms.getValue().stream().anyMatch(term -> term == null || term.isBlank() || term.length() > 100)) {
                    return problem(at + ".terms." + terms.getKey(), "must list terms of at most 100 characters for a language code");
                }
            }
        }
        if (survey.touchpoint() != null && survey.touchpoint().length() > 100) {
            return problem("touchpoint", "must be at most 100 characters");
        }
        return survey.display().problem().or(() -> survey.branding().problem("branding"));
    }

    private static Optional<Problem> checkQuestions(Survey survey) {
        List<Question> questions = survey.questions();
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            return problem("questions", "must have 1 to " + MAX_QUESTIONS + " questions");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String at = "questions[" + i + "]";
            if (question == null) {
                return problem(at, "must be a question");
            }
            if (question.id() == null || !FIELD_ID.matcher(question.id()).matches()) {
                return problem(at + ".id", "must be a name of letters, digits, _ or -, starting with a letter");
            }
            if (!ids.add(question.id())) {
                return problem(at + ".id", "repeats question id " + question.id());
            }
            if (question.type() == null) {
                return problem(at + ".type", "is required: nps, csat, ces, rating, single, multi, yesno or text");
            }
            Optional<Problem> text = checkTexts(at + ".text", question.text(), survey, true);
            if (text.isPresent()) {
                return text;
            }
            boolean choice = question.type() == QuestionType.SINGLE || question.type() == QuestionType.MULTI;
            if (choice && question.options().size() < 2) {
                return problem(at + ".options", "a " + question.type().name().toLowerCase() + " question needs at least 2 options");
            }
            if (!choice && !question.options().isEmpty()) {
                return problem(at + ".options", "only single and multi questions have options");
            }
            Set<String> optionIds = new HashSet<>();
            for (int j = 0; j < question.options().size(); j++) {
                Option option = question.options().get(j);
                if (option == null || option.id() == null || !FIELD_ID.matcher(option.id()).matches()) {
                    return problem(at + ".options[" + j + "].id", "must be a name of letters, digits, _ or -");
                }
                if (!optionIds.add(option.id())) {
                    return problem(at + ".options[" + j + "].id", "repeats option id " + option.id());
                }
                Optional<Problem> optionText = checkTexts(at + ".options[" + j + "].text", option.text(), survey, true);
                if (optionText.isPresent()) {
                    return optionText;
                }
            }
        }
        return Optional.empty();
    }

    /** Texts are keyed by the survey's languages; when required, the default language must be there. */
    private static Optional<Problem> checkTexts(String field, Map<String, String> texts, Survey survey, boolean required) {
        if (required && (texts == null || texts.get(survey.defaultLanguage()) == null
                || texts.get(survey.defaultLanguage()).isBlank())) {
            return problem(field, "needs a text in the default language " + survey.defaultLanguage());
        }
        if (texts == null) {
            return Optional.empty();
        }
        for (var entry : texts.entrySet()) {
            if (!survey.languages().contains(entry.getKey())) {
                return problem(field + "." + entry.getKey(), "is not one of the survey's languages " + survey.languages());
            }
            if (entry.getValue() == null || entry.getValue().length() > MAX_TEXT) {
                return problem(field + "." + entry.getKey(), "must be a text of at most " + MAX_TEXT + " characters");
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String field, String message) {
        return Optional.of(new Problem(field, message));
    }
}
