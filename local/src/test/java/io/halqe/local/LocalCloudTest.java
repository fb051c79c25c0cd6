package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.local.testhandlers.LaneRecorder;
import io.halqe.local.testhandlers.NotifyHandler;
import io.halqe.local.testhandlers.StreamRecorder;
import io.halqe.local.testhandlers.TickRecorder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local cloud's mechanics, end to end, with the small handlers of local/src/test and
 * local-test-template.yaml: HTTP API, stream polling with filters and batch item failures, the bus with the real SDK
 * clients inside the handlers, the outbox, dead letters and the clock.
 */
class LocalCloudTest {

    private static LocalCloud cloud;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(LocalCloudTest.class.getResource("/local-test-template.yaml").toURI());
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withTemplate(template)
                .withSeedDemo(false).withBackground(false).withApiKey("test-key"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @BeforeEach
    void reset() {
        cloud.drain();
        cloud.outbox().clear();
        StreamRecorder.BATCHES.clear();
        LaneRecorder.BATCHES.clear();
        TickRecorder.TICKS.clear();
        NotifyHandler.FAILURES_LEFT.set(0);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(cloud.baseUrl().resolve(path));
    }

    private static void putItem(String sk, Map<String, String> attributes) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", AttributeValue.fromS("items"));
        item.put("sk", AttributeValue.fromS(sk));
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        cloud.dynamoDb().putItem(request -> request.tableName(cloud.tableNames().get("ItemsTable")).item(item));
    }

    @Test
    void health_shouldSayReady_whenStarted() throws Exception {
        // GIVEN a started local cloud
        // WHEN health is asked
        HttpResponse<String> response = send(request("/_local/health"));
        // THEN it is ready
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void httpApi_shouldInvokeTheRouteWithAPayloadV2Event_whenARequestMatches() throws Exception {
        // GIVEN the echo function on GET /items/{id}
        long before = cloud.now().toEpochMilli();
        // WHEN a request with a query, repeated headers and cookies arrives
        HttpResponse<String> response = send(request("/items/a%20b?x=1&x=2&y=z")
                .header("X-Multi", "one").header("X-Multi", "two").header("Cookie", "c1=v1; c2=v2"));

        // THEN the handler saw the payload 2.0 event and its response is written back
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-echo")).hasValue("yes");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
        JsonNode echo = Json.parse(response.body());
        assertThat(echo.path("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(echo.path("rawPath").asText()).isEqualTo("/items/a%20b");
        assertThat(echo.path("rawQueryString").asText()).isEqualTo("x=1&x=2&y=z");
        assertThat(echo.path("pathParameters").path("id").asText()).isEqualTo("a b");
        assertThat(echo.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
        assertThat(echo.path("headers").path("x-multi").asText()).isEqualTo("one,two");
        assertThat(echo.path("headers").has("cookie")).isFalse();
        assertThat(echo.path("cookies")).extracting(JsonNode::asText).containsExactly("c1=v1", "c2=v2");
        assertThat(echo.path("method").asText()).isEqualTo("GET");
        assertThat(echo.path("stage").asText()).isEqualTo("$default");
        assertThat(echo.path("timeEpoch").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(echo.path("functionName").asText()).isEqualTo("halqe-local-EchoFunction");
    }

    @Test
    void httpApi_shouldGiveTheFunctionItsTemplateEnvironment_whenItIsConstructed() throws Exception {
        // GIVEN the echo function, which keeps the environment its constructor read
        // WHEN it is called
        JsonNode environment = Json.parse(send(request("/items/x")).body()).path("environment");
        // THEN the template's variables are resolved to local values, plus the AWS endpoints
        assertThat(environment.path("ITEMS_TABLE").asText()).isEqualTo("halqe-local-ItemsTable");
        assertThat(environment.path("HALQE_STAGE").asText()).isEqualTo("dev");
        assertThat(environment.path("KEY_SHA").asText()).isEqualTo(LocalCloud.sha256Hex("test-key"));
        assertThat(environment.path("BASE_URL").asText()).isEqualTo(cloud.baseUrl().toString());
        assertThat(environment.path("REGION_SUB").asText()).isEqualTo("us-east-1/halqe-local-ItemsTable");
        assertThat(environment.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(environment.path("AWS_ENDPOINT_URL_DYNAMODB").asText()).isEqualTo(cloud.dynamoDbEndpoint().toString());
        assertThat(environment.path("AWS_ENDPOINT_URL_SNS").asText()).isEqualTo(cloud.awsEndpoint().toString());
    }

    @Test
    void httpApi_shouldPreferTheLiteralRouteAndMatchGreedyPaths_whenSeveralRoutesFit() throws Exception {
        // GIVEN GET /items/special next to GET /items/{id}, and ANY /api/{proxy+}
        // WHEN both are requested
        JsonNode special = Json.parse(send(request("/items/special")).body());
        JsonNode admin = Json.parse(send(request("/api/cases/c-1/close").method("DELETE",
                HttpRequest.BodyPublishers.noBody())).body());
        // THEN the literal route wins and the greedy one takes the rest of the path
        assertThat(special.path("routeKey").asText()).isEqualTo("GET /items/special");
        assertThat(admin.path("routeKey").asText()).isEqualTo("ANY /api/{proxy+}");
        assertThat(admin.path("pathParameters").path("proxy").asText()).isEqualTo("cases/c-1/close");
        assertThat(admin.path("method").asText()).isEqualTo("DELETE");
    }

    @Test
    void httpApi_shouldPassTextAndBase64Bodies_whenPosted() throws Exception {
        // GIVEN POST /items/{id}
        // WHEN JSON and binary bodies are posted
        JsonNode text = Json.parse(send(request("/items/1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"score\":9}"))).body());
        byte[] binary = {(byte) 0xff, 0, 1, 2};
        JsonNode image = Json.parse(send(request("/items/1").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary))).body());
        // THEN text stays text, binary is base64 with isBase64Encoded
        assertThat(text.path("body").asText()).isEqualTo("{\"score\":9}");
        assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(Base64.getDecoder().decode(image.path("body").asText())).isEqualTo(binary);
        assertThat(image.path("isBase64Encoded").asBoolean()).isTrue();
    }

    @Test
    void httpApi_shouldAnswerLikeApiGateway_whenNoRouteMatchesOrTheHandlerThrows() throws Exception {
        // GIVEN the routes of the test template
        // WHEN an unknown path and a throwing handler are called
        HttpResponse<String> missing = send(request("/nowhere"));
        HttpResponse<String> wrongMethod = send(request("/raw").DELETE());
        HttpResponse<String> failing = send(request("/items/boom"));
        // THEN 404 and 500 with API Gateway's bodies
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void httpApi_shouldPassTheRawEventAndDecodeTheBody_whenTheHandlerIsAStreamHandler() throws Exception {
        // GIVEN a RequestStreamHandler answering 201 with the event as a base64 body and a multi-value header
        // WHEN it is called
        HttpResponse<String> response = send(request("/raw"));
        // THEN the body is decoded and every header value written
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(Json.parse(response.body()).path("version").asText()).isEqualTo("2.0");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
    }

    @Test
    void httpApi_shouldAnswerPreflightAndAddTheOriginHeader_whenCorsIsConfigured() throws Exception {
        // GIVEN the HttpApi's CorsConfiguration (AllowOrigins *)
        // WHEN a preflight and a cross-origin GET arrive
        HttpResponse<String> preflight = send(request("/items/1").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST"));
        HttpResponse<String> get = send(request("/items/1").header("Origin", "https://shop.example"));
        // THEN both carry the CORS headers
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
        assertThat(get.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }

    @Test
    void streams_shouldDeliverFilteredRecordsInBatches_whenItemsAreWritten() {
        // GIVEN items, one of which the filter rejects (type is not item)
        putItem("s1", Map.of("type", "item"));
        putItem("s2", Map.of("type", "other"));
        putItem("s3", Map.of("type", "item"));
        putItem("s4", Map.of("type", "item"));
        // WHEN the work is drained
        cloud.drain();
        // THEN the recorder saw only items, in order, at most two per batch
        assertThat(StreamRecorder.BATCHES).containsExactly(List.of("s1", "s3"), List.of("s4"));
    }

    @Test
    void streams_shouldRunLanesSideBySideAndKeepEachKeysOrder_whenTheMappingHasAParallelizationFactor() {
        // GIVEN four records for each of six partition keys, written in turn (ParallelizationFactor 3, BatchSize 2)
        List<String> keys = List.of("lane-a", "lane-b", "lane-c", "lane-d", "lane-e", "lane-f");
        for (int i = 0; i < 4; i++) {
            for (String key : keys) {
                Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(key),
                        "sk", AttributeValue.fromS("s" + i), "type", AttributeValue.fromS("lane"));
                cloud.dynamoDb().putItem(request -> request.tableName(cloud.tableNames().get("ItemsTable")).item(item));
            }
        }
        // WHEN the work is drained
        cloud.drain();
        // THEN every record came once, and each key's records in the order written
        List<LaneRecorder.Batch> batches = LaneRecorder.BATCHES.stream()
                .sorted(java.util.Comparator.comparingLong(LaneRecorder.Batch::start)).toList();
        Map<String, List<String>> received = new java.util.TreeMap<>();
        batches.forEach(batch -> batch.keys().forEach(key -> received
                .computeIfAbsent(key.substring(0, key.indexOf('/')), k -> new java.util.ArrayList<>())
                .add(key.substring(key.indexOf('/') + 1))));
        assertThat(received).containsOnlyKeys(keys);
        assertThat(received.values()).allSatisfy(sks -> assertThat(sks).containsExactly("s0", "s1", "s2", "s3"));
        // AND batches ran side by side, but never two holding the same key
        List<List<LaneRecorder.Batch>> overlapping = new java.util.ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            for (int j = i + 1; j < batches.size(); j++) {
                if (batches.get(i).overlaps(batches.get(j))) {
                    overlapping.add(List.of(batches.get(i), batches.get(j)));
                }
            }
        }
        assertThat(overlapping).isNotEmpty().allSatisfy(pair -> assertThat(partitionKeys(pair.get(0)))
                .doesNotContainAnyElementsOf(partitionKeys(pair.get(1))));
    }

    private static List<String> partitionKeys(LaneRecorder.Batch batch) {
        return batch.keys().stream().map(key -> key.substring(0, key.indexOf('/'))).toList();
    }

    @Test
    void streams_shouldRetryFromTheFailedRecordThenDeadLetterIt_whenBatchItemFailuresAreReported() {
        // GIVEN an item that fails once and one that always fails (MaximumRetryAttempts 1)
        int deadBefore = cloud.deadLetters().size();
        putItem("f1", Map.of("type", "item", "fail", "once"));
        putItem("f2", Map.of("type", "item"));
        putItem("f3", Map.of("type", "item", "fail", "always"));
        // WHEN the work is drained
        cloud.drain();
        // THEN the first is retried from itself, the last goes to the dead letters after its retry, nothing is lost
        assertThat(StreamRecorder.BATCHES).containsExactly(
                List.of("f1", "f2"), List.of("f1", "f2"), List.of("f3"), List.of("f3"));
        List<DeadLetters.DeadLetter> dead = cloud.deadLetters().subList(deadBefore, cloud.deadLetters().size());
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.function()).isEqualTo("RecorderFunction");
            assertThat(letter.source()).startsWith("stream:");
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.payload().path("Records").get(0).path("dynamodb").path("NewImage").path("sk").path("S")
                    .asText()).isEqualTo("f3");
        });
    }

    @Test
    void bus_shouldCarryAStreamEventToTheRuleAndItsEmails_whenAHandlerPutsEventsWithTheSdk() throws Exception {
        // GIVEN an urgent and a routine item (the recorder puts ItemAdded events; the rule takes urgent ones)
        putItem("u1", Map.of("type", "item", "kind", "urgent"));
        putItem("u2", Map.of("type", "item", "kind", "routine"));
        // WHEN the work is drained through the HTTP endpoint
        HttpResponse<String> drained = send(request("/_local/drain").POST(HttpRequest.BodyPublishers.noBody()));
        // THEN the notify function emailed and published once, through the emulated SES and SNS
        assertThat(drained.statusCode()).isEqualTo(200);
        assertThat(cloud.outbox().emails()).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("Urgent u1");
            assertThat(email.from()).isEqualTo("feedback@halqe.local");
            assertThat(email.configurationSet()).isEqualTo("halqe-local");
        });
        assertThat(cloud.outbox().notifications()).singleElement().satisfies(notification -> {
            assertThat(notification.topic()).isEqualTo("arn:aws:sns:us-east-1:000000000000:test-alerts-local");
            assertThat(notification.attributes()).containsEntry("kind", "urgent");
        });
        JsonNode outbox = Json.parse(send(request("/_local/outbox")).body());
        assertThat(outbox.path("emails").get(0).path("to").get(0).asText()).isEqualTo("owner@test.local");
        assertThat(outbox.path("notifications").get(0).path("message").asText()).isEqualTo("u1");
    }

    @Test
    void localEvents_shouldRetryThenDeadLetter_whenTheRuleTargetKeepsFailing() throws Exception {
        // GIVEN a rule target that fails three times (EventInvokeConfig MaximumRetryAttempts 1)
        NotifyHandler.FAILURES_LEFT.set(3);
        int deadBefore = cloud.deadLetters().size();
        // WHEN two events are put through /_local/events (detail as object, then as string)
        HttpResponse<String> put = send(request("/_local/events").POST(HttpRequest.BodyPublishers.ofString(
                "{\"Source\":\"test\",\"DetailType\":\"ItemAdded\",\"Detail\":{\"kind\":\"urgent\",\"sk\":\"e1\"}}")));
        send(request("/_local/events").POST(HttpRequest.BodyPublishers.ofString(
                "{\"Source\":\"test\",\"DetailType\":\"ItemAdded\",\"Detail\":\"{\\\"kind\\\":\\\"urgent\\\",\\\"sk\\\":\\\"e2\\\"}\"}")));
        cloud.drain();
        // THEN one of them fails twice and is dead-lettered, the other fails once and then succeeds (the bus delivers
        // them concurrently, as EventBridge does: which one meets the failures first is not fixed)
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(Json.parse(put.body()).path("EventId").asText()).isNotBlank();
        List<DeadLetters.DeadLetter> dead = cloud.deadLetters().subList(deadBefore, cloud.deadLetters().size());
        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo("rule:NotifyFunction.Urgent");
            assertThat(letter.payload().path("detail").path("sk").asText()).isIn("e1", "e2");
            assertThat(letter.attempts()).isEqualTo(2);
        });
        String deadOne = dead.getFirst().payload().path("detail").path("sk").asText();
        assertThat(cloud.outbox().emails()).extracting(Outbox.Email::subject)
                .containsExactly("Urgent " + ("e1".equals(deadOne) ? "e2" : "e1"));
        JsonNode letters = Json.parse(send(request("/_local/dead-letters")).body()).path("deadLetters");
        assertThat(letters.size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void clock_shouldFireDueSchedulesInTimeOrder_whenAdvanced() throws Exception {
        // GIVEN an hourly schedule with an Input and a daily one without (the cron one is skipped)
        Instant before = cloud.now();
        // WHEN the clock moves a day and a half forward through the endpoint
        HttpResponse<String> response = send(request("/_local/clock")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"PT36H\"}")));
        // THEN 36 hourly firings and one daily, in time order, the hourly with its scheduled time substituted
        JsonNode result = Json.parse(response.body());
        assertThat(result.path("fired").asInt()).isEqualTo(37);
        assertThat(Instant.parse(result.path("now").asText())).isAfterOrEqualTo(before.plus(Duration.ofHours(36)));
        List<Map<String, Object>> hourly = TickRecorder.TICKS.stream().filter(tick -> "hourly".equals(tick.get("name"))).toList();
        assertThat(hourly).hasSize(36);
        List<Instant> times = hourly.stream().map(tick -> Instant.parse((String) tick.get("scheduledTime"))).toList();
        assertThat(times).isSorted();
        assertThat(Duration.between(times.get(0), times.get(1))).isEqualTo(Duration.ofHours(1));
        // the daily firing falls due with the 24th hourly one, give or take the microseconds between the two schedules'
        // creation: it comes right before or right after it
        int dailyIndex = TickRecorder.TICKS.indexOf(Map.of());
        assertThat(dailyIndex).isBetween(23, 24);
    }

    @Test
    void clock_shouldRejectAnInvalidDuration_whenAdvanced() throws Exception {
        // GIVEN the clock endpoint
        // WHEN the advance is not an ISO-8601 duration
        HttpResponse<String> response = send(request("/_local/clock")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"3 days\"}")));
        // THEN 400 with a message
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ISO-8601");
    }

    @Test
    void outboxPage_shouldEscapeEveryValue_whenABrowserAsks() throws Exception {
        // GIVEN an email whose html has a script
        putItem("<i>x</i>", Map.of("type", "item", "kind", "urgent"));
        cloud.drain();
        // WHEN a browser asks for the outbox
        HttpResponse<String> page = send(request("/_local/outbox").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        // THEN it is HTML, escaped, the email's html in a sandboxed iframe
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Urgent &lt;i&gt;x&lt;/i&gt;").doesNotContain("<script>").contains("<iframe sandbox");
    }

    @Test
    void invoke_shouldUseTheRuntimeSerializers_whenCalledDirectly() {
        // GIVEN the echo function
        // WHEN it is invoked with a minimal HTTP event
        String output = cloud.invoke("EchoFunction", "{\"routeKey\":\"GET /x\",\"rawPath\":\"/x\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
        // THEN the output is the response JSON
        JsonNode response = Json.parse(output);
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.parse(response.path("body").asText()).path("routeKey").asText()).isEqualTo("GET /x");
    }
}
