package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.FormEncoding;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.json.JsonStreams;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;
import io.halqe.domain.response.SubmissionRequest;
import io.halqe.domain.response.SubmissionResult;
import io.halqe.domain.response.SourceLimit;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.halqe.domain.text.Html.escape;

/**
 * {@code POST /s/{surveyId}/responses}: JSON ({@code {"answers":{…},"language":"fa","hidden":{…},"token":"…"}}, with
 * {@code "partial":true} to save what was answered so far; key in
 * the {@code Idempotency-Key} header) from scripts and the embed, or a form post from the hosted page (key in
 * {@code _key}, token in {@code _t}, hidden fields as {@code h.<name>}); JSON callers get JSON, form posts get a page.
 * Cross-origin callers must be among the survey's allowed origins.
 */
final class SubmissionRoute {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String HIDDEN_PREFIX = "h.";

    /** The per-source limit on anonymous answers, and how a client address becomes the source's hash. */
    public record Limit(SourceLimit limit, java.util.function.UnaryOperator<String> hashOfAddress) {
    }

    private final SubmitResponse submitResponse;
    private final SurveyRepository surveys;
    private final Limit limit;
    private final Metrics metrics;

    SubmissionRoute(SubmitResponse submitResponse, SurveyRepository surveys, Limit limit, Metrics metrics) {
        this.submitResponse = submitResponse;
        this.surveys = surveys;
        this.limit = limit;
        this.metrics = metrics;
    }

    private record Parsed(Map<String, Object> answers, Map<String, String> hidden, String language,
                          String idempotencyKey, String token, boolean partial, boolean form, boolean bot) {
    }

    /** The browser's CORS preflight for a cross-origin JSON post. */
    APIGatewayV2HTTPResponse preflight(HttpRequest request) {
        String surveyId = request.pathParameter("surveyId");
        var survey = surveys.find(surveyId);
        if (survey.isEmpty()) {
            return HttpResponses.error(404, "survey_not_found", "there is no survey " + surveyId);
        }
        Cors.Access access = Cors.check(survey.get(), request);
        if (access instanceof Cors.Access.Refused refused) {
            return HttpResponses.error(403, "origin_not_allowed", refused.origin() + " may not post to survey " + surveyId);
        }
        var response = HttpResponses.response(204, "text/plain", "", Map.of(
                "access-control-allow-methods", "POST",
                "access-control-allow-headers", Cors.ALLOWED_HEADERS,
                "access-control-max-age", "600"));
        return HttpResponses.withHeaders(response, Cors.headers(access));
    }

    APIGatewayV2HTTPResponse submit(HttpRequest request) {
        String surveyId = request.pathParameter("surveyId");
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean form = contentType.startsWith("application/x-www-form-urlencoded");
        if (request.bodyLength() > MAX_BODY_BYTES) {
            return HttpResponses.error(413, "payload_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        var found = surveys.find(surveyId);
        if (found.isEmpty()) {
            return form ? SurveyPage.page(404, "en", null, "Survey not found", "<h1>Survey not found</h1>")
                    : HttpResponses.error(404, "survey_not_found", "there is no survey " + surveyId);
        }
        Survey survey = found.get();
        Cors.Access access = Cors.check(survey, request);
        if (access instanceof Cors.Access.Refused refused) {
            return HttpResponses.error(403, "origin_not_allowed", refused.origin() + " may not post to survey " + surveyId);
        }
        Parsed parsed;
        try {
            String body = request.body();
            if (form) {
                parsed = form(body);
            } else if (contentType.startsWith("application/json") || contentType.isEmpty()) {
                parsed = json(body, request.header("idempotency-key").orElse(null),
                        request.query("t").orElse(null));
            } else {
                return HttpResponses.error(415, "unsupported_media_type",
                        "send application/json or application/x-www-form-urlencoded");
            }
        } catch (HttpProblem refused) {
            return HttpResponses.error(refused.status(), refused.code(), refused.getMessage(), refused.field());
        }
        // anonymous answers are limited per source; a signed link answers once and needs no limit
        if (parsed.token() == null) {
            SourceLimit.Decision admitted = limit.limit().admit(limit.hashOfAddress().apply(request.sourceIp()),
                    request.receivedAt());
            if (!admitted.admitted()) {
                String retryAfter = Long.toString(Math.max(1, admitted.retryAfter().toSeconds()));
                APIGatewayV2HTTPResponse refused = parsed.form()
                        ? SurveyPage.page(429, survey.language(parsed.language()), survey, "Too many answers",
                                "<h1>Too many answers from this connection. Please try again in a minute.</h1>")
                        : HttpResponses.error(429, "rate_limited", "too many answers from this source; retry after "
                                + retryAfter + " seconds");
                return HttpResponses.withHeaders(HttpResponses.withHeaders(refused, Map.of("retry-after", retryAfter)),
                        Cors.headers(access));
            }
        }
        if (parsed.bot()) {
            // look like success, store nothing: a bot learns nothing from the answer
            return SurveyPage.page(200, survey.language(parsed.language()), survey, survey.thankYouIn(survey.language(parsed.language())),
                    "<h1>" + escape(survey.thankYouIn(survey.language(parsed.language()))) + "</h1>");
        }
        SubmissionResult result = submitResponse.submit(survey, new SubmissionRequest(surveyId,
                parsed.form() ? SubmitResponse.fromForm(survey, parsed.answers()) : parsed.answers(),
                parsed.language(), parsed.idempotencyKey(), parsed.token(), parsed.hidden(), parsed.partial(),
                request.receivedAt()));
        // a complete answer stored now: not a retry's replay, nor a partial save (its completion counts)
        if (result instanceof SubmissionResult.Accepted accepted && !accepted.replayed() && !parsed.partial()) {
            metrics.count(Metric.ANSWERS_RECEIVED, 1);
        }
        APIGatewayV2HTTPResponse response = parsed.form() ? asPage(result, survey, parsed) : asJson(result);
        return HttpResponses.withHeaders(response, Cors.headers(access));
    }

    private static APIGatewayV2HTTPResponse asJson(SubmissionResult result) {
        return switch (result) {
            // a retry gets the original result, marked as a replay
            case SubmissionResult.Accepted accepted -> HttpResponses.withHeaders(
                    HttpResponses.json(201, Map.of("responseId", accepted.responseId())),
                    accepted.replayed() ? Map.of("idempotent-replayed", "true") : Map.of());
            case SubmissionResult.Invalid invalid -> HttpResponses.error(400, "invalid_answer",
                    invalid.problem().describe(), invalid.problem().field());
            case SubmissionResult.SurveyNotFound notFound ->
                    HttpResponses.error(404, "survey_not_found", "there is no survey " + notFound.surveyId());
            case SubmissionResult.KeyReused reused -> HttpResponses.error(409, "already_answered",
                    reused.what() + " was used before with different answers");
            case SubmissionResult.LinkRefused refused -> HttpResponses.error(403, "link_refused", refused.reason());
            case SubmissionResult.StillProcessing busy -> HttpResponses.withHeaders(HttpResponses.error(409,
                    "still_processing", "the first part of this answer is being processed; send it again in a few seconds"),
                    Map.of("retry-after", "5"));
        };
    }

    private static APIGatewayV2HTTPResponse asPage(SubmissionResult result, Survey survey, Parsed parsed) {
        String lang = survey.language(parsed.language());
        String back = "<p><a href=\"/s/" + escape(survey.id()) + "?lang=" + escape(lang)
                + (parsed.token() == null ? "" : "&amp;t=" + escape(parsed.token())) + "\">Back to the survey</a></p>";
        return switch (result) {
            case SubmissionResult.Accepted accepted -> SurveyPage.page(accepted.replayed() ? 200 : 201, lang, survey,
                    survey.thankYouIn(lang), "<h1>" + escape(survey.thankYouIn(lang)) + "</h1>");
            case SubmissionResult.Invalid invalid -> SurveyPage.page(400, lang, survey, "Please check your answers",
                    "<h1>Please check your answers</h1><p role=\"alert\">" + escape(invalid.problem().describe())
                            + "</p>" + back);
            case SubmissionResult.SurveyNotFound notFound -> SurveyPage.page(404, lang, null, "Survey not found",
                    "<h1>Survey not found</h1>");
            case SubmissionResult.KeyReused reused -> SurveyPage.page(409, lang, survey, "Already answered",
                    "<h1>You have already answered this survey.</h1>");
            case SubmissionResult.LinkRefused refused -> SurveyPage.page(403, lang, survey, "Link not valid",
                    "<h1>" + escape(refused.reason()) + "</h1>");
            case SubmissionResult.StillProcessing busy -> SurveyPage.page(409, lang, survey, "One moment",
                    "<h1>Your first answers are still being saved. Please send again in a few seconds.</h1>" + back);
        };
    }

    /** What a JSON submission may hold; anything else is refused by name, so a misspelt field is never ignored. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("answers", "hidden", "language", "token", "partial");

    private static Parsed json(String body, String idempotencyKey, String queryToken) {
        Object document;
        try {
            document = JsonStreams.read(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw invalid("the body is not valid JSON", null);
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw invalid("the body must be a JSON object", null);
        }
        for (Object name : root.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new HttpProblem(400, "unknown_field", name + " is not a field of a submission (" + FIELDS + ")",
                        name.toString());
            }
        }
        Object answers = root.get("answers");
        if (answers != null && !(answers instanceof Map<?, ?>)) {
            throw invalid("answers must be an object of question id to answer", "answers");
        }
        Object hiddenFields = root.get("hidden");
        if (hiddenFields != null && !(hiddenFields instanceof Map<?, ?>)) {
            throw invalid("hidden must be an object of field name to text", "hidden");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (answers instanceof Map<?, ?> given) {
            given.forEach((question, answer) -> values.put(question.toString(), answer));
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        if (hiddenFields instanceof Map<?, ?> given) {
            for (var entry : given.entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw invalid("hidden." + entry.getKey() + " must be text", "hidden." + entry.getKey());
                }
                hidden.put(entry.getKey().toString(), value);
            }
        }
        String language = text(root, "language");
        if (language != null && !io.halqe.domain.text.LanguageTags.isTag(language)) {
            throw invalid("language must be a language code such as en, fa or ar", "language");
        }
        return new Parsed(values, hidden, language, idempotencyKey,
                root.containsKey("token") ? text(root, "token") : queryToken, flag(root, "partial"), false, false);
    }

    private static String text(Map<?, ?> root, String field) {
        Object value = root.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw invalid(field + " must be text", field);
        }
        return text;
    }

    private static boolean flag(Map<?, ?> root, String field) {
        Object value = root.get(field);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw invalid(field + " must be true or false", field);
        }
        return flag;
    }

    private static HttpProblem invalid(String message, String field) {
        return new HttpProblem(400, "invalid_json", message, field);
    }

    private static Parsed form(String body) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, String> hidden = new LinkedHashMap<>();
        String language = null;
        String key = null;
        String token = null;
        boolean bot = false;
        for (Map.Entry<String, String> field : FormEncoding.pairs(body)) {
            String name = field.getKey();
            switch (name) {
                case "_lang" -> language = field.getValue();
                case "_key" -> key = field.getValue();
                case "_t" -> token = field.getValue().isBlank() ? null : field.getValue();
                case SurveyPage.HONEYPOT -> bot = !field.getValue().isEmpty();
                default -> {
                    if (name.startsWith(HIDDEN_PREFIX)) {
                        hidden.put(name.substring(HIDDEN_PREFIX.length()), field.getValue());
                    } else {
                        answers.merge(name, field.getValue(), SubmissionRoute::appendValue);
                    }
                }
            }
        }
        return new Parsed(answers, hidden, language, key, token, false, true, bot);
    }

    /** A repeated form field (checkboxes) is a list. */
    @SuppressWarnings("unchecked")
    private static Object appendValue(Object existing, Object added) {
        List<Object> values = existing instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(existing));
        values.add(added);
        return values;
    }
}
