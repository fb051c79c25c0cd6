package io.halqe.submission;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.demo.DemoSeed;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.response.Answer;
import io.halqe.domain.survey.QuestionType;
import io.halqe.local.runtime.testing.EmfLines;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubmissionHandlerTest {

    private static final HmacLinkSigner LINKS = new HmacLinkSigner("test-signing-key-test-signing-key-0123".getBytes(StandardCharsets.UTF_8));
    private static final io.halqe.aws.links.HmacUnsubscribeLinks UNSUBSCRIBE = new io.halqe.aws.links.HmacUnsubscribeLinks(
            "test-signing-key-test-signing-key-0123".getBytes(StandardCharsets.UTF_8), "https://f.example.com");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static SubmissionHandler handler;
    private static io.halqe.domain.links.InvitationLinks links;
    private static DynamoResponseRepository responses;
    private static final EmfLines EMF = new EmfLines();

    @BeforeAll
    static void start() {
        DemoSeed.seed(db.client(), db.tableName("SurveysTable"), db.tableName("DirectoryTable"));
        responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        links = new io.halqe.domain.links.InvitationLinks(LINKS,
                new io.halqe.aws.dynamo.DynamoInvitationStore(db.client(), db.tableName("OutreachTable")));
        handler = handler(1000);
    }

    /** The function as wired in the template, with this per-source limit on anonymous answers. */
    private static SubmissionHandler handler(int perMinute) {
        return new SubmissionHandler(new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable")), responses, links,
                UNSUBSCRIBE, new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable")),
                new SubmissionRoute.Limit(new io.halqe.domain.response.SourceLimit(
                        new io.halqe.aws.dynamo.DynamoCounters(db.client(), db.tableName("LimitsTable")), perMinute),
                        new io.halqe.aws.links.SourceHashes(io.halqe.aws.links.Keyring.single(
                                "test-signing-key-test-signing-key-0123".getBytes(StandardCharsets.UTF_8)))::of),
                new EmfMetrics("Halqe/test", "submission", EMF, Clock.systemUTC()));
    }

    @BeforeEach
    void noResponses() {
        db.clear(db.tableName("ResponsesTable"));
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

    private static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, context("submission"));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    private static int stored() {
        return responses.listBySurvey("demo-nps", 1000, null).items().size();
    }

    private static String token(Instant expiresAt) {
        return links.issue(new Invitation("inv-" + expiresAt.getEpochSecond(), "demo-nps",
                new Customer("cust-9", "sara@example.com", null, "Sara", "ar"), Map.of("plan", "pro", "orderId", "A-77"),
                "link", expiresAt), Instant.ofEpochMilli(1795428000000L));
    }

    @Test
    void sampleSubmission_shouldStoreOnceAndReplayTheOriginal201_whenSentThreeTimesWithItsIdempotencyKey() throws Exception {
        // GIVEN the sample POST (detractor with a comment, Idempotency-Key sample-order-1001)
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "post-response.json"));
        // WHEN it is handled three times
        APIGatewayV2HTTPResponse first = handle(event);
        APIGatewayV2HTTPResponse second = handle(event);
        APIGatewayV2HTTPResponse third = handle(event);
        // THEN the original 201 each time, the retries marked as replays, and one stored response
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(second.getStatusCode()).isEqualTo(201);
        assertThat(third.getHeaders()).containsEntry("idempotent-replayed", "true");
        String id = json(first).get("responseId").asText();
        assertThat(json(third).get("responseId").asText()).isEqualTo(id);
        assertThat(stored()).isEqualTo(1);
        var response = responses.find(id).orElseThrow();
        assertThat(response.answers()).containsEntry("nps", new Answer.Score(QuestionType.NPS, 2))
                .containsEntry("comment", new Answer.Text("Delivery was late <b>again</b>"));
        assertThat(response.submittedAt().toEpochMilli()).isEqualTo(1795428000000L);
    }

    @Test
    void sampleSubmission_shouldEmitOneAnswerReceived_andNoneForItsRetry_whenLambdaInvokesTheFunction() throws Exception {
        // GIVEN the sample POST as Lambda hands it to the function
        byte[] event = Files.readAllBytes(Path.of(sampleEvent("submission", "post-response.json")));
        SubmissionHandler function = handler(1000);
        EMF.clear();
        // WHEN the function is invoked with it, then again (the client's retry with the same Idempotency-Key)
        function.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context("submission"));
        function.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context("submission"));
        // THEN the first invocation's EMF line counts one answer received; the replay writes none
        assertThat(stored()).isEqualTo(1);
        assertThat(EMF.documents()).singleElement().satisfies(document -> {
            assertThat(document.namespace()).isEqualTo("Halqe/test");
            assertThat(document.dimensions()).containsExactly(List.of("Service"));
            assertThat(document.member("Service")).isEqualTo("submission");
            assertThat(document.units()).containsOnly(Map.entry("AnswersReceived", "Count"));
            assertThat(document.values()).containsOnly(Map.entry("AnswersReceived", 1.0));
        });
    }

    @Test
    void malformedSubmissions_shouldEachGetA4xxWithAMessage_andStoreNothing() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Map<String, APIGatewayV2HTTPResponse> answers = new java.util.LinkedHashMap<>();
        answers.put("broken JSON", handle(post("application/json", "{\"answers\":", null)));
        answers.put("nps 11", handle(post("application/json", "{\"answers\":{\"nps\":11}}", null)));
        answers.put("nps -1", handle(post("application/json", "{\"answers\":{\"nps\":-1}}", null)));
        answers.put("nps nine", handle(post("application/json", "{\"answers\":{\"nps\":\"nine\"}}", null)));
        answers.put("nps 7.5", handle(post("application/json", "{\"answers\":{\"nps\":7.5}}", null)));
        answers.put("missing required", handle(post("application/json", "{\"answers\":{\"comment\":\"hi\"}}", null)));
        answers.put("unknown question", handle(post("application/json", "{\"answers\":{\"nps\":5,\"colour\":\"red\"}}", null)));
        answers.put("1 MB comment", handle(post("application/json",
                "{\"answers\":{\"nps\":5,\"comment\":\"" + "x".repeat(1024 * 1024) + "\"}}", null)));
        answers.put("answers not an object", handle(post("application/json", "{\"answers\":[1]}", null)));
        answers.put("nested 5000 deep", handle(post("application/json", "{\"answers\":{\"nps\":" + deep + "}}", null)));
        answers.put("forged token", handle(post("application/json", "{\"answers\":{\"nps\":5},\"token\":\"abc.def\"}", null)));
        answers.put("wrong media type", handle(post("text/plain", "nps=1", null)));
        APIGatewayV2HTTPEvent notUtf8 = post("application/json", null, null);
        notUtf8.setBody(Base64.getEncoder().encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        notUtf8.setIsBase64Encoded(true);
        answers.put("invalid UTF-8", handle(notUtf8));
        APIGatewayV2HTTPEvent unknownSurvey = post("application/json", "{\"answers\":{\"nps\":1}}", null);
        unknownSurvey.setPathParameters(Map.of("surveyId", "no-such-survey"));
        answers.put("unknown survey", handle(unknownSurvey));
        for (var entry : answers.entrySet()) {
            assertThat(entry.getValue().getStatusCode()).as(entry.getKey()).isBetween(400, 499);
            assertThat(json(entry.getValue()).at("/error/message").asText()).as(entry.getKey()).isNotBlank();
        }
        assertThat(json(answers.get("nps 11")).at("/error/field").asText()).isEqualTo("answers.nps");
        assertThat(json(answers.get("missing required")).at("/error/field").asText()).isEqualTo("answers.nps");
        assertThat(answers.get("1 MB comment").getStatusCode()).isEqualTo(413);
        assertThat(answers.get("forged token").getStatusCode()).isEqualTo(403);
        assertThat(answers.get("unknown survey").getStatusCode()).isEqualTo(404);
        assertThat(json(answers.get("invalid UTF-8")).at("/error/code").asText()).isEqualTo("invalid_encoding");
        assertThat(stored()).isZero();
    }

    @Test
    void signedLink_shouldStoreOneResponseWithItsHiddenFields_whenSubmittedThreeTimes() throws Exception {
        // GIVEN a signed link carrying plan and orderId
        String token = token(Instant.parse("2030-01-01T00:00:00Z"));
        String body = "{\"answers\":{\"nps\":6},\"hidden\":{\"plan\":\"free\"},\"token\":\"" + token + "\"}";
        // WHEN the same token is submitted three times (once even with another Idempotency-Key)
        var first = handle(post("application/json", body, null));
        var second = handle(post("application/json", body, "other-key"));
        var third = handle(post("application/json", body, null));
        // THEN one response, carrying the signed hidden fields (signed wins over the unsigned plan) and the customer
        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(json(second).get("responseId")).isEqualTo(json(first).get("responseId"));
        assertThat(json(third).get("responseId")).isEqualTo(json(first).get("responseId"));
        assertThat(stored()).isEqualTo(1);
        var response = responses.find(json(first).get("responseId").asText()).orElseThrow();
        assertThat(response.hidden()).containsExactlyInAnyOrderEntriesOf(Map.of("plan", "pro", "orderId", "A-77"));
        assertThat(response.customerId()).isEqualTo("cust-9");
        assertThat(response.language()).isEqualTo("ar");
    }

    @Test
    void tamperedOrExpiredLink_shouldBeRefused_onThePageAndOnSubmission() throws Exception {
        String token = token(Instant.parse("2030-01-01T00:00:00Z"));
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        APIGatewayV2HTTPEvent page = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        page.setQueryStringParameters(Map.of("t", tampered));
        var refusedPage = handle(page);
        assertThat(refusedPage.getStatusCode()).isEqualTo(403);
        assertThat(refusedPage.getBody()).contains("not valid");
        page.setQueryStringParameters(Map.of("t", token(Instant.parse("2026-11-01T00:00:00Z"))));
        assertThat(handle(page).getBody()).contains("expired");
        var refused = handle(post("application/json", "{\"answers\":{\"nps\":6},\"token\":\"" + tampered + "\"}", null));
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("link_refused");
        // a valid link opens, in the invitation's language, with the token in the form
        page.setQueryStringParameters(Map.of("t", token));
        var opened = handle(page);
        assertThat(opened.getStatusCode()).isEqualTo(200);
        assertThat(opened.getBody()).contains("lang=\"ar\" dir=\"rtl\"").contains("name=\"_t\" value=\"" + token + "\"");
        assertThat(stored()).isZero();
    }

    @Test
    void formPost_shouldStoreAndThankInTheChosenLanguage_whenJavaScriptIsOff() {
        var response = handle(post("application/x-www-form-urlencoded",
                "_lang=fa&_key=form-1&_website=&nps=%DB%B3&comment=%D8%AE%D9%88%D8%A8&h.plan=basic", null));
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders().get("content-type")).startsWith("text/html");
        assertThat(response.getBody()).contains("lang=\"fa\" dir=\"rtl\"").contains("سپاسگزاریم");
        var stored = responses.listBySurvey("demo-nps", 10, null).items();
        assertThat(stored).singleElement().satisfies(r -> assertThat(r.hidden()).containsEntry("plan", "basic"));
    }

    @Test
    void honeypot_shouldLookLikeSuccessButStoreNothing_whenABotFillsIt() {
        var response = handle(post("application/x-www-form-urlencoded", "_lang=en&_key=bot-1&_website=http://spam&nps=10", null));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("Thank you");
        assertThat(stored()).isZero();
    }

    @Test
    void crossOriginPosts_shouldBeAllowedOnlyFromTheSurveysOrigins() throws Exception {
        APIGatewayV2HTTPEvent allowed = post("application/json", "{\"answers\":{\"nps\":9}}", "cors-1");
        allowed.getHeaders().put("origin", "http://localhost:8081");
        var ok = handle(allowed);
        assertThat(ok.getStatusCode()).isEqualTo(201);
        assertThat(ok.getHeaders()).containsEntry("access-control-allow-origin", "http://localhost:8081");
        APIGatewayV2HTTPEvent foreign = post("application/json", "{\"answers\":{\"nps\":9}}", "cors-2");
        foreign.getHeaders().put("origin", "https://evil.example.com");
        var refused = handle(foreign);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("origin_not_allowed");
        assertThat(stored()).isEqualTo(1);
        // AND the preflight answers only allowed origins
        APIGatewayV2HTTPEvent preflight = post("application/json", null, null);
        preflight.setRouteKey("OPTIONS /s/{surveyId}/responses");
        preflight.getHeaders().put("origin", "http://127.0.0.1:9000");
        var preflightOk = handle(preflight);
        assertThat(preflightOk.getStatusCode()).isEqualTo(204);
        assertThat(preflightOk.getHeaders()).containsEntry("access-control-allow-origin", "http://127.0.0.1:9000")
                .containsEntry("access-control-allow-headers", "content-type, idempotency-key");
        preflight.getHeaders().put("origin", "https://evil.example.com");
        assertThat(handle(preflight).getStatusCode()).isEqualTo(403);
    }

    @Test
    void pages_shouldSetLanguageDirectionAndStrictHeaders_forFaArAndEn() {
        for (var expected : Map.of("fa", "<html lang=\"fa\" dir=\"rtl\">", "ar", "<html lang=\"ar\" dir=\"rtl\">",
                "en", "<html lang=\"en\" dir=\"ltr\">").entrySet()) {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
            event.setQueryStringParameters(Map.of("lang", expected.getKey()));
            var response = handle(event);
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).as(expected.getKey()).contains(expected.getValue());
            String csp = response.getHeaders().get("content-security-policy");
            // the one inline script carries the response's nonce; nothing else may run
            String nonce = csp.replaceAll(".*script-src 'nonce-([0-9a-f]+)'.*", "$1");
            assertThat(response.getBody().split("<script", -1)).hasSize(2);
            assertThat(response.getBody()).contains("<script nonce=\"" + nonce + "\">");
            assertThat(csp).contains("default-src 'none'")
                    .contains("frame-ancestors 'self' http://localhost:* http://127.0.0.1:*").doesNotContain("unsafe-inline");
            assertThat(response.getHeaders()).containsEntry("x-content-type-options", "nosniff").containsKey("referrer-policy");
        }
    }

    @Test
    void samplePage_shouldRenderAnRtlFormWithPersianDigitsAndAHoneypot() {
        var response = handle(EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json")));
        assertThat(response.getBody()).contains("<form method=\"post\" action=\"/s/demo-nps/responses\" data-survey-form data-nps=\"nps\"")
                .contains("value=\"0\" data-number required>۰").contains("value=\"10\" data-number required>۱۰")
                .contains("دلیل اصلی امتیاز شما چیست؟").contains("name=\"_website\" tabindex=\"-1\"");
    }

    @Test
    void preview_shouldShowTheDraftOnTheRealPage_sendingNothing_onlyToTheConsole_untilItExpires() {
        // GIVEN an unpublished draft of demo-nps, kept for an hour from the sample request's time, and one expired
        var surveys = new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable"));
        var published = surveys.find("demo-nps").orElseThrow();
        var draft = published.as("demo-nps", published.version() + 1);
        Instant asked = Instant.ofEpochMilli(1795428000000L);
        surveys.savePreview("0f8e2f6e-58c5-4c2a-9d0f-4f8f5d1b2a10", draft, asked.plusSeconds(3600));
        surveys.savePreview("1f8e2f6e-58c5-4c2a-9d0f-4f8f5d1b2a10", draft, asked.minusSeconds(1));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        // WHEN the console shows the live one in Persian
        event.setQueryStringParameters(Map.of("lang", "fa", "preview", "0f8e2f6e-58c5-4c2a-9d0f-4f8f5d1b2a10"));
        var response = handle(event);
        // THEN it is the hosted page, right to left, marked as a preview, whose form cannot be sent and has no script,
        // and only the console's own origin may frame it
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("<html lang=\"fa\" dir=\"rtl\">").contains("پیش‌نمایش")
                .contains("<form method=\"post\" data-preview").contains("<button type=\"submit\" disabled>")
                .doesNotContain("/responses").doesNotContain("<script");
        assertThat(response.getHeaders().get("content-security-policy")).endsWith("frame-ancestors 'self'");
        // AND an expired preview, another survey's, and an id that is not one, are all "expired"
        for (var query : List.of(Map.of("preview", "1f8e2f6e-58c5-4c2a-9d0f-4f8f5d1b2a10"),
                Map.of("preview", "../../SURVEY#demo-nps"))) {
            event.setQueryStringParameters(query);
            assertThat(handle(event).getStatusCode()).as(query.toString()).isEqualTo(404);
        }
        event.setPathParameters(Map.of("surveyId", "other"));
        event.setQueryStringParameters(Map.of("preview", "0f8e2f6e-58c5-4c2a-9d0f-4f8f5d1b2a10"));
        assertThat(handle(event).getStatusCode()).isEqualTo(404);
    }

    @Test
    void page_shouldFollowAcceptLanguage_whenNoLangIsGiven() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        event.setQueryStringParameters(null);
        event.setHeaders(Map.of("accept-language", "ar-EG,ar;q=0.9,en;q=0.5"));
        assertThat(handle(event).getBody()).contains("<html lang=\"ar\" dir=\"rtl\">").contains("٧");
    }

    @Test
    void definition_shouldBeServedAsJsonToAllowedOrigins_forTheEmbed() throws Exception {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        event.setHeaders(new HashMap<>(Map.of("accept", "application/json", "origin", "http://localhost:5173")));
        var response = handle(event);
        assertThat(response.getHeaders()).containsEntry("access-control-allow-origin", "http://localhost:5173");
        JsonNode definition = json(response);
        assertThat(definition.get("dir").asText()).isEqualTo("rtl");
        assertThat(definition.at("/questions/0/type").asText()).isEqualTo("nps");
        assertThat(definition.at("/questions/0/max").asInt()).isEqualTo(10);
        assertThat(definition.at("/followUp/detractor").asText()).isNotBlank();
        assertThat(definition.has("hiddenFields")).isFalse();
    }

    @Test
    void pageOpenedFromAnEmailScore_shouldShowTheScoreChosen_butStoreNothing_untilThePageItselfSavesIt() {
        // GIVEN the hosted page opened from the "3" of an invitation email (a mail scanner may do just this GET)
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        event.setQueryStringParameters(Map.of("lang", "en", "score", "3"));
        String page = handle(event).getBody();
        // THEN 3 is chosen, the form asks its script to save it, and nothing is stored by the GET
        assertThat(page).contains("data-survey-form data-preset").contains("value=\"3\" data-number required checked>3")
                .containsOnlyOnce(" checked>");
        assertThat(stored()).isZero();
        // AND a score off the scale chooses nothing
        event.setQueryStringParameters(Map.of("lang", "en", "score", "11"));
        assertThat(handle(event).getBody()).doesNotContain("data-survey-form data-preset").doesNotContain(" checked>");
    }

    @Test
    void definition_shouldGiveTheScaleEndsInTheLanguage_andTheSurveysDisplayOptions() throws Exception {
        // GIVEN the embed asking for the Arabic definition
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        event.setQueryStringParameters(Map.of("lang", "ar"));
        event.setHeaders(new HashMap<>(Map.of("accept", "application/json", "origin", "http://localhost:5173")));
        JsonNode definition = json(handle(event));
        // THEN the NPS scale's ends are in Arabic, and the unset display options are left to the widget
        assertThat(definition.at("/questions/0/ends/0").asText()).isEqualTo("غير محتمل إطلاقًا");
        assertThat(definition.at("/questions/0/ends/1").asText()).isEqualTo("محتمل جدًا");
        assertThat(definition.at("/display/samplePercent").isNull()).isTrue();
    }

    @Test
    void anonymousAnswers_shouldBeLimitedPerSource_withRetryAfter_butNotSignedLinks() throws Exception {
        // GIVEN the function limiting anonymous answers to 3 a minute per source
        SubmissionHandler limited = handler(3);
        db.clear(db.tableName("LimitsTable"));
        // WHEN one client sends 5 anonymous answers in the same minute
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(limited.handleRequest(post("application/json", "{\"answers\":{\"nps\":3}}", "flood-" + i),
                    context("submission")).getStatusCode());
        }
        // THEN 3 are stored and the other 2 get 429 with Retry-After
        assertThat(statuses).containsExactly(201, 201, 201, 429, 429);
        assertThat(stored()).isEqualTo(3);
        var refused = limited.handleRequest(post("application/json", "{\"answers\":{\"nps\":3}}", "flood-9"), context("submission"));
        assertThat(Integer.parseInt(refused.getHeaders().get("retry-after"))).isBetween(1, 60);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("rate_limited");
        // AND another client, and an answer through a signed link, still get through
        APIGatewayV2HTTPEvent elsewhere = post("application/json", "{\"answers\":{\"nps\":3}}", "other-client");
        elsewhere.getRequestContext().getHttp().setSourceIp("198.51.100.9");
        assertThat(limited.handleRequest(elsewhere, context("submission")).getStatusCode()).isEqualTo(201);
        String body = "{\"answers\":{\"nps\":9},\"token\":\"" + token(Instant.parse("2027-01-01T00:00:00Z")) + "\"}";
        assertThat(limited.handleRequest(post("application/json", body, null), context("submission")).getStatusCode())
                .isEqualTo(201);
        // AND no address is stored: the counters hold a keyed hash
        assertThat(db.client().scan(scan -> scan.tableName(db.tableName("LimitsTable"))).items())
                .allSatisfy(item -> assertThat(item.get("pk").s()).startsWith("src#").doesNotContain("203.0.113"));
    }

    @Test
    void sampleEmbedRequest_shouldServeTheScript() {
        var response = handle(EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-embed-script.json")));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("content-type")).startsWith("text/javascript");
        assertThat(response.getBody()).contains("data-survey");
    }

    /** {@code METHOD /u/{token}} on the unsubscribe link of {@code address}, issued when the sample request arrives. */
    private static APIGatewayV2HTTPEvent unsubscribeLink(String method, String address) {
        String url = UNSUBSCRIBE.urlFor(address, Instant.ofEpochMilli(1795428000000L));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        event.setRouteKey(method + " /u/{token}");
        event.getRequestContext().getHttp().setMethod(method);
        event.setPathParameters(Map.of("token", url.substring(url.lastIndexOf('/') + 1)));
        return event;
    }

    @Test
    void unsubscribe_shouldSuppressTheSignedAddressOnPost_andRefuseAForgedOne() {
        var suppression = new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        APIGatewayV2HTTPEvent event = unsubscribeLink("POST", "leave@example.com");
        var done = handle(event);
        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(done.getBody()).contains("unsubscribed");
        assertThat(suppression.isSuppressed("leave@example.com")).isTrue();
        event.setPathParameters(Map.of("token", "bGVhdmUy.AAAA"));
        assertThat(handle(event).getStatusCode()).isEqualTo(403);
    }

    @Test
    void unsubscribeLink_shouldOnlyShowAButton_whenFollowedWithGet() {
        // GIVEN the link of an address (as a mail scanner would follow it)
        var suppression = new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        APIGatewayV2HTTPEvent event = unsubscribeLink("GET", "scanned@example.com");
        // WHEN it is fetched
        var page = handle(event);
        // THEN a page with a button that posts back, and the address is still deliverable
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<form method=\"post\">").contains("<button type=\"submit\"");
        assertThat(suppression.isSuppressed("scanned@example.com")).isFalse();
    }

    @Test
    void routes_shouldBeExactlyTheHttpApiEventsOfTheTemplate() {
        // GIVEN the SubmissionFunction's HttpApi events in template.yaml
        java.util.List<String> declared = io.halqe.local.runtime.SamTemplate.load().functions().stream()
                .filter(function -> function.logicalId().equals("SubmissionFunction"))
                .flatMap(function -> function.events().stream()).filter(event -> event.type().equals("HttpApi"))
                .map(event -> event.properties().get("Method") + " " + event.properties().get("Path")).toList();
        // THEN the router serves exactly those routes
        assertThat(handler.routes().routeKeys()).containsExactlyInAnyOrderElementsOf(declared).hasSize(6);
    }

    @Test
    void openSurvey_shouldCarryItsDeclaredHiddenFieldsFromThePageUrl_andNothingElse() throws Exception {
        // GIVEN the open demo survey (it declares plan and orderId) opened with query parameters
        APIGatewayV2HTTPEvent page = EventLoader.loadApiGatewayHttpEvent(sampleEvent("submission", "get-survey-page.json"));
        page.setQueryStringParameters(Map.of("lang", "en", "orderId", "A-1 <b>", "evil", "x"));
        var rendered = handle(page);
        // THEN the form carries the declared ones, escaped, and not the others
        assertThat(rendered.getBody()).contains("name=\"h.orderId\" value=\"A-1 &lt;b&gt;\"").doesNotContain("h.evil");
        // WHEN the form is sent with it
        var sent = handle(post("application/x-www-form-urlencoded",
                "nps=6&_lang=en&_key=hidden-from-url-1&h.orderId=A-1", null));
        // THEN the answer keeps the order id
        assertThat(sent.getStatusCode()).as(sent.getBody()).isIn(200, 201);
        assertThat(responses.listBySurvey("demo-nps", 1000, null).items())
                .anySatisfy(response -> assertThat(response.hidden()).containsEntry("orderId", "A-1"));
    }
}
