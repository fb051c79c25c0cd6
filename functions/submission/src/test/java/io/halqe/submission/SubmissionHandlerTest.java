package io.halqe.submission;

import static io.halqe.aws.testing.HandlerTesting.context;
import static io.halqe.aws.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.demo.DemoSeed;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.aws.testing.HandlerTesting;
import io.halqe.aws.testing.LocalDynamoDb;
import io.halqe.domain.response.Answer;
import io.halqe.domain.survey.QuestionType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SubmissionHandlerTest {

    private static LocalDynamoDb db;
    private static SubmissionHandler handler;
    private static DynamoResponseRepository responses;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        DemoSeed.seed(db.client(), db.tableName("SurveysTable"), db.tableName("DirectoryTable"));
        // the no-arg constructor, as Lambda calls it, with the template's variables
        handler = LambdaEnvironment.with(HandlerTesting.environment(db, Map.of(
                "HALQE_SURVEYS_TABLE", db.tableName("SurveysTable"),
                "HALQE_RESPONSES_TABLE", db.tableName("ResponsesTable"))), SubmissionHandler::new);
        responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static APIGatewayV2HTTPEvent post(String contentType, String body, String key) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "post-response.json"));
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-type", contentType);
        headers.remove("idempotency-key");
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void sampleSubmission_shouldStoreOnceAndReplay_whenSentTwiceWithItsIdempotencyKey() throws Exception {
        // GIVEN the sample POST (detractor with a comment, Idempotency-Key sample-order-1001)
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "post-response.json"));
        // WHEN it is handled twice
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, context("submission"));
        APIGatewayV2HTTPResponse again = handler.handleRequest(event, context("submission"));
        // THEN 201 then 200 (replayed), naming the same stored response
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getHeaders()).containsEntry("idempotent-replayed", "true");
        String id = json(first).get("responseId").asText();
        assertThat(json(again).get("responseId").asText()).isEqualTo(id);
        var stored = responses.find(id).orElseThrow();
        assertThat(stored.answers()).containsEntry("nps", new Answer.Score(QuestionType.NPS, 2))
                .containsEntry("comment", new Answer.Text("Delivery was late <b>again</b>"));
        assertThat(stored.submittedAt().toEpochMilli()).isEqualTo(1795428000000L);
    }

    @Test
    void submission_shouldAnswer4xxWithAnErrorObject_whenInputIsBad() throws Exception {
        var outOfRange = handler.handleRequest(post("application/json", "{\"answers\":{\"nps\":11}}", null), context("submission"));
        var notJson = handler.handleRequest(post("application/json", "{\"answers\":", null), context("submission"));
        var notObject = handler.handleRequest(post("application/json", "{\"answers\":[1]}", null), context("submission"));
        var wrongType = handler.handleRequest(post("text/plain", "nps=1", null), context("submission"));
        handler.handleRequest(post("application/json", "{\"answers\":{\"nps\":5}}", "reuse-1"), context("submission"));
        var reused = handler.handleRequest(post("application/json", "{\"answers\":{\"nps\":1}}", "reuse-1"),
                context("submission"));
        assertThat(outOfRange.getStatusCode()).isEqualTo(400);
        assertThat(json(outOfRange).at("/error/code").asText()).isEqualTo("invalid_answer");
        assertThat(json(outOfRange).at("/error/message").asText()).startsWith("answers.nps");
        assertThat(notJson.getStatusCode()).isEqualTo(400);
        assertThat(json(notJson).at("/error/code").asText()).isEqualTo("invalid_json");
        assertThat(notObject.getStatusCode()).isEqualTo(400);
        assertThat(wrongType.getStatusCode()).isEqualTo(415);
        assertThat(reused.getStatusCode()).isEqualTo(409);
        assertThat(json(reused).at("/error/code").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void submission_shouldAnswer404_whenSurveyIsUnknown() throws Exception {
        APIGatewayV2HTTPEvent event = post("application/json", "{\"answers\":{\"nps\":1}}", null);
        event.setPathParameters(Map.of("surveyId", "no-such-survey"));
        var response = handler.handleRequest(event, context("submission"));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("survey_not_found");
    }

    @Test
    void formPost_shouldStoreAndThankInTheChosenLanguage_whenJavaScriptIsOff() {
        // GIVEN the hosted form's fields, with Persian digits for the score
        var response = handler.handleRequest(post("application/x-www-form-urlencoded",
                "_lang=fa&_key=form-1&nps=%DB%B3&comment=%D8%AE%D9%88%D8%A8", null), context("submission"));
        // THEN a thank-you page in Persian, right to left
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(response.getBody()).contains("lang=\"fa\" dir=\"rtl\"").contains("سپاسگزاریم");
    }

    @Test
    void samplePage_shouldRenderAnRtlFormWithPersianDigitsAndStrictHeaders() {
        // GIVEN the sample GET /s/demo-nps?lang=fa
        var response = handler.handleRequest(EventLoader.loadApiGatewayHttpEvent(
                sampleEvent("submission", "get-survey-page.json")), context("submission"));
        // THEN a working form, right to left, with 0..10 as ۰..۱۰ and no inline script allowed
        assertThat(response.getStatusCode()).isEqualTo(200);
        String html = response.getBody();
        assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">")
                .contains("<form method=\"post\" action=\"/s/demo-nps/responses\">")
                .contains("value=\"0\" required>۰").contains("value=\"10\" required>۱۰")
                .contains("دلیل اصلی امتیاز شما چیست؟")
                .doesNotContain("<script");
        assertThat(response.getHeaders().get("content-security-policy")).contains("default-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff")
                .containsKey("referrer-policy");
    }

    @Test
    void page_shouldFollowAcceptLanguage_whenNoLangIsGiven() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        event.setQueryStringParameters(null);
        event.setHeaders(Map.of("accept-language", "ar-EG,ar;q=0.9,en;q=0.5"));
        var response = handler.handleRequest(event, context("submission"));
        assertThat(response.getBody()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("٧");
    }

    @Test
    void sampleEmbedRequest_shouldServeTheScript() {
        var response = handler.handleRequest(EventLoader.loadApiGatewayHttpEvent(
                sampleEvent("submission", "get-embed-script.json")), context("submission"));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("content-type")).startsWith("text/javascript");
        assertThat(response.getBody()).contains("data-survey").contains("idempotency-key");
    }
}
