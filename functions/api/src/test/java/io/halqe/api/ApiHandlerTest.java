package io.halqe.api;

import static io.halqe.aws.testing.HandlerTesting.context;
import static io.halqe.aws.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.demo.DemoSeed;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.aws.testing.HandlerTesting;
import io.halqe.aws.testing.LocalDynamoDb;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.scoring.AggregateKey;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static LocalDynamoDb db;
    private static ApiHandler handler;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        DemoSeed.seed(db.client(), db.tableName("SurveysTable"), db.tableName("DirectoryTable"));
        handler = LambdaEnvironment.with(HandlerTesting.environment(db, Map.of(
                "HALQE_CASES_TABLE", db.tableName("CasesTable"),
                "HALQE_RESPONSES_TABLE", db.tableName("ResponsesTable"),
                "HALQE_AGGREGATES_TABLE", db.tableName("AggregatesTable"),
                "HALQE_SURVEYS_TABLE", db.tableName("SurveysTable"),
                "HALQE_API_KEY_SHA256", AdminKey.sha256Hex("local-dev-key"))), ApiHandler::new);
        var responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        for (int i = 0; i < 3; i++) {
            responses.insertIfAbsent(new Response("r" + i, "demo-nps", 1,
                    Map.of("nps", new Answer.Score(QuestionType.NPS, 2 + i), "comment", new Answer.Text("<i>slow</i>")),
                    "en", AT.plusSeconds(i), ResponseStatus.RECEIVED, null));
        }
        new DynamoCaseRepository(db.client(), db.tableName("CasesTable")).openIfAbsent(new FollowUpCase("case-r0", "r0",
                "demo-nps", CaseStatus.OPEN, "support", "owner@demo.example", "Detractor (2/10)", 2, "<i>slow</i>", "en",
                AT, AT.plusSeconds(172800)));
        new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")).add(
                new AggregateKey("demo-nps", AggregateKey.ALL_TIME, 1), new Tally(3, 1, 0, 2, 0, 0, 0, 0, 0), null, "9");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static APIGatewayV2HTTPResponse get(String path, Map<String, String> query, String authorization) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("api", "get-open-cases.json"));
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        event.setHeaders(headers);
        return handler.handleRequest(event, context("api"));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void sampleRequest_shouldListOpenCases_whenTheKeyIsRight() throws Exception {
        // GIVEN the sample GET /api/cases?status=open with the local key
        var response = handler.handleRequest(EventLoader.loadApiGatewayHttpEvent(sampleEvent("api", "get-open-cases.json")),
                context("api"));
        // THEN the open case is listed, with its team, owner and due time
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.at("/items/0/caseId").asText()).isEqualTo("case-r0");
        assertThat(page.at("/items/0/status").asText()).isEqualTo("open");
        assertThat(page.at("/items/0/dueAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void requests_shouldBeRefused_whenTheKeyIsMissingOrWrong() throws Exception {
        var missing = get("/api/cases", null, null);
        var wrong = get("/api/cases", null, "Bearer guess");
        var basic = get("/api/cases", null, "Basic bG9jYWwtZGV2LWtleQ==");
        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(wrong.getStatusCode()).isEqualTo(401);
        assertThat(basic.getStatusCode()).isEqualTo(401);
    }

    @Test
    void responses_shouldBeFoundByIdAndPagedBySurvey() throws Exception {
        var one = get("/api/responses/r1", null, "Bearer local-dev-key");
        assertThat(one.getStatusCode()).isEqualTo(200);
        assertThat(json(one).get("answers").get("nps").asInt()).isEqualTo(3);
        assertThat(json(one).get("answers").get("comment").asText()).isEqualTo("<i>slow</i>");
        var firstPage = get("/api/surveys/demo-nps/responses", Map.of("limit", "2"), "Bearer local-dev-key");
        JsonNode page = json(firstPage);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.at("/items/0/responseId").asText()).isEqualTo("r2");
        var secondPage = get("/api/surveys/demo-nps/responses", Map.of("limit", "2", "cursor", page.get("next").asText()),
                "Bearer local-dev-key");
        assertThat(json(secondPage).get("items")).hasSize(1);
        assertThat(json(secondPage).at("/items/0/responseId").asText()).isEqualTo("r0");
    }

    @Test
    void metrics_shouldSumTheAggregates() throws Exception {
        JsonNode metrics = json(get("/api/surveys/demo-nps/metrics", null, "Bearer local-dev-key"));
        assertThat(metrics.get("responses").asInt()).isEqualTo(3);
        assertThat(metrics.at("/nps/score").asDouble()).isEqualTo(-33.33);
        assertThat(metrics.at("/nps/detractors").asInt()).isEqualTo(2);
        assertThat(metrics.at("/nps/ci95")).hasSize(2);
        assertThat(metrics.at("/nps/lowSample").asBoolean()).isTrue();
    }

    @Test
    void badRequests_shouldGet4xxWithAnErrorObject() throws Exception {
        String key = "Bearer local-dev-key";
        assertThat(get("/api/surveys/demo-nps/responses", Map.of("limit", "5000"), key).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/surveys/demo-nps/responses", Map.of("cursor", "garbage"), key).getStatusCode()).isEqualTo(400);
        assertThat(json(get("/api/cases", Map.of("status", "lost"), key)).at("/error/code").asText()).isEqualTo("invalid_query");
        assertThat(get("/api/responses/nope", null, key).getStatusCode()).isEqualTo(404);
        assertThat(get("/api/cases/nope", null, key).getStatusCode()).isEqualTo(404);
        assertThat(get("/api/surveys/nope/metrics", null, key).getStatusCode()).isEqualTo(404);
        assertThat(get("/api/unknown", null, key).getStatusCode()).isEqualTo(404);
    }
}
