package io.halqe.domain.response;

import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import io.halqe.domain.text.Digits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Validates answers against the survey and stores the response exactly once per idempotency key. */
public final class SubmitResponse {

    public static final int MAX_TEXT_LENGTH = 5000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern INTEGER = Pattern.compile("\\s*-?\\d{1,3}\\s*");

    private final SurveyRepository surveys;
    private final ResponseRepository responses;

    public SubmitResponse(SurveyRepository surveys, ResponseRepository responses) {
        this.surveys = surveys;
        this.responses = responses;
    }

    public SubmissionResult submit(SubmissionRequest request) {
        if (request.idempotencyKey() != null && !IDEMPOTENCY_KEY.matcher(request.idempotencyKey()).matches()) {
            return new SubmissionResult.Invalid("Idempotency-Key", "must be 1-255 visible ASCII characters");
        }
        var survey = surveys.find(request.surveyId());
        if (survey.isEmpty()) {
            return new SubmissionResult.SurveyNotFound(request.surveyId());
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        SubmissionResult.Invalid problem = validate(survey.get(), request.answers(), answers);
        if (problem != null) {
            return problem;
        }
        Response response = new Response(responseId(request), survey.get().id(), survey.get().version(), answers,
                survey.get().language(request.language()), request.receivedAt(), ResponseStatus.RECEIVED, null);
        return responses.insertIfAbsent(response)
                .<SubmissionResult>map(existing -> existing.answers().equals(answers)
                        ? new SubmissionResult.Accepted(existing.id(), true)
                        : new SubmissionResult.KeyReused(request.idempotencyKey()))
                .orElseGet(() -> new SubmissionResult.Accepted(response.id(), false));
    }

    /** A repeated key names the same response, so retries and double clicks store nothing new. */
    private static String responseId(SubmissionRequest request) {
        if (request.idempotencyKey() == null) {
            return UUID.randomUUID().toString();
        }
        String scoped = request.surveyId() + "\n" + request.idempotencyKey();
        return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static SubmissionResult.Invalid validate(Survey survey, Map<String, Object> raw, Map<String, Answer> into) {
        if (raw == null || raw.isEmpty()) {
            return new SubmissionResult.Invalid("answers", "at least one answer is required");
        }
        for (var entry : raw.entrySet()) {
            String field = "answers." + entry.getKey();
            var question = survey.question(entry.getKey());
            if (question.isEmpty()) {
                return new SubmissionResult.Invalid(field, "is not a question of survey " + survey.id());
            }
            if (isBlank(entry.getValue())) {
                continue;
            }
            Object parsed = parse(question.get(), entry.getValue());
            if (parsed instanceof String message) {
                return new SubmissionResult.Invalid(field, message);
            }
            into.put(entry.getKey(), (Answer) parsed);
        }
        for (Question question : survey.questions()) {
            if (question.required() && !into.containsKey(question.id())) {
                return new SubmissionResult.Invalid("answers." + question.id(), "is required");
            }
        }
        return null;
    }

    /** An Answer, or a String saying what is wrong. */
    private static Object parse(Question question, Object value) {
        return switch (question.type()) {
            case NPS, CSAT, CES, RATING, YESNO -> parseScale(question, value);
            case TEXT -> value instanceof String text
                    ? (text.length() > MAX_TEXT_LENGTH ? "must be at most " + MAX_TEXT_LENGTH + " characters"
                    : new Answer.Text(text.strip()))
                    : "must be text";
            case SINGLE -> value instanceof String choice
                    ? (question.options().contains(choice) ? new Answer.Choices(List.of(choice))
                    : "must be one of " + question.options())
                    : "must be one option";
            case MULTI -> parseChoices(question, value);
        };
    }

    private static Object parseScale(Question question, Object value) {
        String range = "must be a whole number from " + question.type().min() + " to " + question.type().max();
        Integer number = null;
        if (value instanceof Integer || value instanceof Long) {
            number = ((Number) value).intValue();
        } else if (value instanceof Number decimal && decimal.doubleValue() == Math.rint(decimal.doubleValue())) {
            number = decimal.intValue();
        } else if (value instanceof Boolean yes && question.type() == io.halqe.domain.survey.QuestionType.YESNO) {
            number = yes ? 1 : 0;
        } else if (value instanceof String text && INTEGER.matcher(Digits.toAscii(text)).matches()) {
            number = Integer.parseInt(Digits.toAscii(text).strip());
        }
        if (number == null || number < question.type().min() || number > question.type().max()) {
            return range;
        }
        return new Answer.Score(question.type(), number);
    }

    private static Object parseChoices(Question question, Object value) {
        if (!(value instanceof Collection<?> values)) {
            return "must be a list of options";
        }
        List<String> choices = new ArrayList<>();
        for (Object choice : values) {
            if (!(choice instanceof String option) || !question.options().contains(option)) {
                return "must only contain options of " + question.options();
            }
            choices.add(option);
        }
        return new Answer.Choices(choices);
    }

    private static boolean isBlank(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> values && values.isEmpty());
    }
}
