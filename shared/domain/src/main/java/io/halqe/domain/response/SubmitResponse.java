package io.halqe.domain.response;

import io.halqe.domain.core.Problem;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.InvitationLinks;
import io.halqe.domain.links.LinkSigner;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import io.halqe.domain.text.Digits;
import io.halqe.domain.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates answers strictly against the survey's current version and stores the response exactly once per
 * invitation and per idempotency key. Hidden fields: signed ones from the invitation always win; unsigned ones are
 * taken only when the survey declares them and does not require a signed link.
 */
public final class SubmitResponse {

    public static final int MAX_TEXT_LENGTH = 5000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern INTEGER = Pattern.compile("\\s*-?\\d{1,3}\\s*");

    public static final int MAX_HIDDEN_VALUE = 500;

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final InvitationLinks links;

    public SubmitResponse(SurveyRepository surveys, ResponseRepository responses, InvitationLinks links) {
        this.surveys = surveys;
        this.responses = responses;
        this.links = links;
    }

    public SubmissionResult submit(SubmissionRequest request) {
        return surveys.find(request.surveyId())
                .map(survey -> submit(survey, request))
                .orElseGet(() -> new SubmissionResult.SurveyNotFound(request.surveyId()));
    }

    /** For callers that have read the survey already (to check CORS, say). */
    public SubmissionResult submit(Survey survey, SubmissionRequest request) {
        if (request.idempotencyKey() != null && !IDEMPOTENCY_KEY.matcher(request.idempotencyKey()).matches()) {
            return new SubmissionResult.Invalid(new Problem("Idempotency-Key", "must be 1-255 visible ASCII characters"));
        }
        Invitation invitation = null;
        if (request.token() != null) {
            switch (links.open(request.token(), request.receivedAt())) {
                case LinkSigner.LinkCheck.Valid valid -> invitation = valid.invitation();
                case LinkSigner.LinkCheck.Expired expired -> {
                    return new SubmissionResult.LinkRefused("this survey link expired at " + expired.expiredAt());
                }
                case LinkSigner.LinkCheck.Forged forged -> {
                    return new SubmissionResult.LinkRefused("this survey link is not valid");
                }
            }
            if (!invitation.surveyId().equals(survey.id())) {
                return new SubmissionResult.LinkRefused("this survey link is for another survey");
            }
        } else if (survey.requireSignedLink()) {
            return new SubmissionResult.LinkRefused("this survey is answered through a personal invitation link only");
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        for (var entry : request.hidden().entrySet()) {
            if (!survey.hiddenFields().contains(entry.getKey())) {
                return new SubmissionResult.Invalid(new Problem("hidden." + entry.getKey(), "is not a hidden field of survey " + survey.id()));
            }
            if (entry.getValue() == null || entry.getValue().length() > MAX_HIDDEN_VALUE) {
                return new SubmissionResult.Invalid(new Problem("hidden." + entry.getKey(), "must be at most " + MAX_HIDDEN_VALUE + " characters"));
            }
            if (!survey.requireSignedLink()) {
                hidden.put(entry.getKey(), TextNormalizer.normalize(entry.getValue(), null));
            }
        }
        if (invitation != null) {
            hidden.putAll(invitation.hidden());
        }
        String language = survey.language(request.language() != null ? request.language()
                : invitation == null ? null : io.halqe.domain.text.LanguageTags.primary(invitation.customer().locale()));
        if (request.partial() && invitation == null && request.idempotencyKey() == null) {
            return new SubmissionResult.Invalid(new Problem("Idempotency-Key", "is required to save a partial response (it ties the rest to it)"));
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        SubmissionResult.Invalid problem = validate(survey, request.answers(), language, !request.partial(), answers);
        if (problem != null) {
            return problem;
        }
        Response response = new Response(responseId(request, invitation), survey.id(), survey.version(), answers,
                language, request.receivedAt(), request.partial() ? ResponseStatus.DRAFT : ResponseStatus.RECEIVED, null,
                hidden, invitation == null ? null : invitation.customer().id(), invitation == null ? null : invitation.id(),
                false);
        String what = invitation != null ? "this invitation" : "Idempotency-Key " + request.idempotencyKey();
        return responses.insertIfAbsent(response)
                .<SubmissionResult>map(existing -> existing.sameSubmissionAs(response)
                        || (request.partial() && existing.covers(response))
                        ? new SubmissionResult.Accepted(existing.id(), true)
                        : !request.partial() && existing.partial() ? completeLate(existing, response, what)
                        : new SubmissionResult.KeyReused(what))
                .orElseGet(() -> new SubmissionResult.Accepted(response.id(), false));
    }

    /**
     * The rest of an answer whose partial part was already finalised (the respondent came back after the draft
     * timeout): the complete answer replaces it, dated as the partial was, and is scored in its place.
     */
    private SubmissionResult completeLate(Response partial, Response complete, String what) {
        if (partial.status() != ResponseStatus.ENRICHED) {
            return new SubmissionResult.StillProcessing(partial.id());
        }
        Map<String, String> hidden = new LinkedHashMap<>(partial.hidden());
        hidden.putAll(complete.hidden());
        Response completed = new Response(partial.id(), partial.surveyId(), complete.surveyVersion(), complete.answers(),
                complete.language(), partial.submittedAt(), ResponseStatus.RECEIVED, null, hidden,
                partial.customerId(), partial.invitationId(), false);
        return responses.completeLate(partial, completed) ? new SubmissionResult.Accepted(partial.id(), false)
                : new SubmissionResult.KeyReused(what);
    }

    /**
     * One response per invitation, else one per idempotency key: either names the response, so retries, double clicks
     * and reopened links store nothing new.
     */
    private static String responseId(SubmissionRequest request, Invitation invitation) {
        if (invitation != null) {
            return responseIdForInvitation(request.surveyId(), invitation.id());
        } else if (request.idempotencyKey() != null) {
            return ResponseIds.named(request.surveyId(), request.idempotencyKey());
        }
        return ResponseIds.random(request.surveyId());
    }

    /** The one response an invitation can have (so a reminder can tell whether it was answered). */
    public static String responseIdForInvitation(String surveyId, String invitationId) {
        return ResponseIds.named(surveyId, "invitation:" + invitationId);
    }

    /**
     * A form post's answers as a JSON caller would send them: a scale question's text of digits (ASCII, Persian or
     * Arabic-Indic) becomes its number; anything else stays as it came, for {@link #submit} to judge.
     */
    public static Map<String, Object> fromForm(Survey survey, Map<String, Object> fields) {
        Map<String, Object> answers = new LinkedHashMap<>();
        fields.forEach((id, value) -> {
            boolean scale = survey.question(id).map(question -> question.type().isScale()).orElse(false);
            if (scale && value instanceof String text && INTEGER.matcher(Digits.toAscii(text)).matches()) {
                answers.put(id, Long.parseLong(Digits.toAscii(text).strip()));
            } else {
                answers.put(id, value);
            }
        });
        return answers;
    }

    /** A partial save checks what was answered; required questions are checked when the response is complete. */
    private static SubmissionResult.Invalid validate(Survey survey, Map<String, Object> raw, String language,
                                                     boolean complete, Map<String, Answer> into) {
        if (raw == null || raw.isEmpty()) {
            return new SubmissionResult.Invalid(new Problem("answers", "at least one answer is required"));
        }
        for (var entry : raw.entrySet()) {
            String field = "answers." + entry.getKey();
            var question = survey.question(entry.getKey());
            if (question.isEmpty()) {
                return new SubmissionResult.Invalid(new Problem(field, "is not a question of survey " + survey.id()));
            }
            if (isBlank(entry.getValue())) {
                continue;
            }
            Object parsed = parse(question.get(), entry.getValue(), language);
            if (parsed instanceof String message) {
                return new SubmissionResult.Invalid(new Problem(field, message));
            }
            into.put(entry.getKey(), (Answer) parsed);
        }
        if (into.isEmpty()) {
            return new SubmissionResult.Invalid(new Problem("answers", "at least one answer is required"));
        }
        for (Question question : survey.questions()) {
            if (complete && question.required() && !into.containsKey(question.id())) {
                return new SubmissionResult.Invalid(new Problem("answers." + question.id(), "is required"));
            }
        }
        return null;
    }

    /** An Answer, or a String saying what is wrong. */
    private static Object parse(Question question, Object value, String language) {
        return switch (question.type()) {
            case NPS, CSAT, CES, RATING, YESNO -> parseScale(question, value);
            case TEXT -> value instanceof String text
                    ? (text.length() > MAX_TEXT_LENGTH ? "must be at most " + MAX_TEXT_LENGTH + " characters"
                    : new Answer.Text(TextNormalizer.normalize(text, language)))
                    : "must be text";
            case SINGLE -> value instanceof String choice
                    ? (question.option(choice).isPresent() ? new Answer.Choices(List.of(choice))
                    : "must be one of " + optionIds(question))
                    : "must be one option";
            case MULTI -> parseChoices(question, value);
        };
    }

    private static Object parseScale(Question question, Object value) {
        String range = "must be a whole number from " + question.type().min() + " to " + question.type().max();
        // a JSON integer (never a string, a fraction or 7.0; a long is never wrapped into range), or true/false for yes/no
        Long number = null;
        if (value instanceof Integer || value instanceof Long) {
            number = ((Number) value).longValue();
        } else if (value instanceof Boolean yes && question.type() == io.halqe.domain.survey.QuestionType.YESNO) {
            number = yes ? 1L : 0L;
        }
        if (number == null || number < question.type().min() || number > question.type().max()) {
            return range;
        }
        return new Answer.Score(question.type(), number.intValue());
    }

    private static Object parseChoices(Question question, Object value) {
        if (!(value instanceof Collection<?> values)) {
            return "must be a list of options";
        }
        List<String> choices = new ArrayList<>();
        for (Object choice : values) {
            if (!(choice instanceof String option) || question.option(option).isEmpty()) {
                return "must only contain options of " + optionIds(question);
            }
            choices.add(option);
        }
        return new Answer.Choices(choices);
    }

    private static List<String> optionIds(Question question) {
        return question.options().stream().map(io.halqe.domain.survey.Option::id).toList();
    }

    private static boolean isBlank(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> values && values.isEmpty());
    }
}
