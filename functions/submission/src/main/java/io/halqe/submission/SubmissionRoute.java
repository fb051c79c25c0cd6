package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.http.FormEncoding;
import io.halqe.aws.http.HttpRequests;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.json.Json;
import io.halqe.domain.response.SubmissionRequest;
import io.halqe.domain.response.SubmissionResult;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.survey.SurveyRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.halqe.domain.text.Html.escape;

/**
 * {@code POST /s/{surveyId}/responses}: JSON ({@code {"answers":{…},"language":"fa"}}, key in the
 * {@code Idempotency-Key} header) from scripts and the embed, or a form post from the hosted page (key in
 * {@code _key}); JSON callers get JSON, form posts get a page.
 */
final class SubmissionRoute {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private SubmissionRoute() {
    }

    private record Parsed(Map<String, Object> answers, String language, String idempotencyKey, boolean form) {
    }

    static APIGatewayV2HTTPResponse submit(SubmitResponse submitResponse, SurveyRepository surveys,
                                           APIGatewayV2HTTPEvent event) {
        String surveyId = HttpRequests.pathParameter(event, "surveyId");
        String body = HttpRequests.body(event);
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return HttpResponses.error(413, "payload_too_large", "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        String contentType = HttpRequests.header(event, "content-type").orElse("").toLowerCase(Locale.ROOT);
        Parsed parsed;
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            parsed = form(body);
        } else if (contentType.startsWith("application/json") || contentType.isEmpty()) {
            try {
                parsed = json(body, HttpRequests.header(event, "idempotency-key").orElse(null));
            } catch (IllegalArgumentException malformed) {
                return HttpResponses.error(400, "invalid_json", malformed.getMessage());
            }
        } else {
            return HttpResponses.error(415, "unsupported_media_type",
                    "send application/json or application/x-www-form-urlencoded");
        }
        SubmissionResult result = submitResponse.submit(new SubmissionRequest(surveyId, parsed.answers(),
                parsed.language(), parsed.idempotencyKey(), HttpRequests.receivedAt(event)));
        return parsed.form() ? asPage(result, surveys, surveyId, parsed.language()) : asJson(result);
    }

    private static APIGatewayV2HTTPResponse asJson(SubmissionResult result) {
        return switch (result) {
            case SubmissionResult.Accepted accepted when accepted.replayed() -> HttpResponses.response(200,
                    "application/json; charset=utf-8", Json.write(Map.of("responseId", accepted.responseId())),
                    Map.of("idempotent-replayed", "true"));
            case SubmissionResult.Accepted accepted -> HttpResponses.json(201, Map.of("responseId", accepted.responseId()));
            case SubmissionResult.Invalid invalid ->
                    HttpResponses.error(400, "invalid_answer", invalid.field() + " " + invalid.message());
            case SubmissionResult.SurveyNotFound notFound ->
                    HttpResponses.error(404, "survey_not_found", "there is no survey " + notFound.surveyId());
            case SubmissionResult.KeyReused reused -> HttpResponses.error(409, "idempotency_key_reused",
                    "Idempotency-Key " + reused.idempotencyKey() + " was used before with different answers");
        };
    }

    private static APIGatewayV2HTTPResponse asPage(SubmissionResult result, SurveyRepository surveys, String surveyId,
                                                   String language) {
        String lang = language == null ? "en" : language;
        return switch (result) {
            case SubmissionResult.Accepted accepted -> {
                String thanks = surveys.find(surveyId).map(survey -> SurveyPage.thankYou(survey, lang)).orElse("Thank you!");
                yield SurveyPage.page(accepted.replayed() ? 200 : 201, lang, thanks, "<h1>" + escape(thanks) + "</h1>");
            }
            case SubmissionResult.Invalid invalid -> SurveyPage.page(400, lang, "Please check your answers",
                    "<h1>Please check your answers</h1><p role=\"alert\">" + escape(invalid.field() + " " + invalid.message())
                            + "</p><p><a href=\"/s/" + escape(surveyId) + "?lang=" + escape(lang) + "\">Back to the survey</a></p>");
            case SubmissionResult.SurveyNotFound notFound -> SurveyPage.page(404, lang, "Survey not found",
                    "<p>There is no survey " + escape(notFound.surveyId()) + ".</p>");
            case SubmissionResult.KeyReused reused -> SurveyPage.page(409, lang, "Already answered",
                    "<p>This form was already sent with other answers.</p>");
        };
    }

    private static Parsed json(String body, String idempotencyKey) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonNode answers = root.path("answers");
        if (!answers.isMissingNode() && !answers.isObject()) {
            throw new IllegalArgumentException("answers must be an object of question id to answer");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        answers.properties().forEach(entry -> values.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), Object.class)));
        String language = root.path("language").isTextual() ? root.path("language").asText() : null;
        return new Parsed(values, language, idempotencyKey, false);
    }

    private static Parsed form(String body) {
        Map<String, Object> answers = new LinkedHashMap<>();
        String language = null;
        String key = null;
        for (Map.Entry<String, String> field : FormEncoding.pairs(body)) {
            switch (field.getKey()) {
                case "_lang" -> language = field.getValue();
                case "_key" -> key = field.getValue();
                default -> answers.merge(field.getKey(), field.getValue(), SubmissionRoute::appendValue);
            }
        }
        return new Parsed(answers, language, key, true);
    }

    /** A repeated form field (checkboxes) is a list. */
    @SuppressWarnings("unchecked")
    private static Object appendValue(Object existing, Object added) {
        List<Object> values = existing instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(existing));
        values.add(added);
        return values;
    }
}
