package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, over HTTP, against the README's run command: {@code java -jar local/target/halqe-local.jar --port N}
 * started as its own process. A detractor's answer must come back as a case, an owner email and a team alert.
 */
class FeedbackLoopIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KEY = "e2e-admin-key";
    private static Process cloud;
    private static URI base;
    private static Path log;

    @BeforeAll
    static void startTheLocalCloud() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        Path jar = Path.of(System.getProperty("halqe.repoRoot", ".."), "local", "target", "halqe-local.jar");
        assertThat(jar).exists();
        log = Files.createTempFile("halqe-local", ".log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", Integer.toString(port))
                .directory(Path.of(System.getProperty("halqe.repoRoot", "..")).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("HALQE_API_KEY", KEY);
        cloud = command.start();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!cloud.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the local cloud did not become healthy:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) {
            cloud.destroy();
            cloud.waitFor();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String path, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (admin) {
            request.header("authorization", "Bearer " + KEY);
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> postAnswer(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/s/demo-nps/responses"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        return send(request);
    }

    private static void drain() throws Exception {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/_local/drain")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
    }

    private static List<JsonNode> matching(JsonNode array, String field, String contains) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(node -> {
            if (node.path(field).asText().contains(contains)) {
                found.add(node);
            }
        });
        return found;
    }

    @Test
    void detractor_shouldYieldOneCaseOneOwnerEmailAndOneTeamAlert_evenWhenResubmitted() throws Exception {
        // GIVEN the hosted survey is served
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/s/demo-nps?lang=ar")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("<form");
        // WHEN a detractor answers with a comment (and the client retries with the same key)
        String comment = "Delivery took 9 days <script>alert('x')</script>";
        String body = JSON.writeValueAsString(JSON.createObjectNode().set("answers",
                JSON.createObjectNode().put("nps", 2).put("comment", comment)));
        HttpResponse<String> created = postAnswer(body, "e2e-order-1");
        HttpResponse<String> retried = postAnswer(body, "e2e-order-1");
        drain();
        // THEN the response is stored once
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(retried.statusCode()).isEqualTo(200);
        String responseId = JSON.readTree(created.body()).get("responseId").asText();
        assertThat(JSON.readTree(retried.body()).get("responseId").asText()).isEqualTo(responseId);
        // AND the outbox holds one email to the demo owner carrying the comment, escaped in its HTML part
        JsonNode outbox = getJson("/_local/outbox", false);
        List<JsonNode> emails = matching(outbox.get("emails"), "text", "Delivery took 9 days");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("to").get(0).asText()).isEqualTo("owner@demo.halqe.local");
        assertThat(emails.get(0).get("from").asText()).isEqualTo("feedback@halqe.local");
        assertThat(emails.get(0).get("html").asText()).contains("&lt;script&gt;").doesNotContain("<script>");
        // AND one SNS notification for the team, carrying the comment and filterable attributes
        List<JsonNode> notifications = matching(outbox.get("notifications"), "message", "Delivery took 9 days");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).get("topic").asText()).contains("halqe-team-alerts");
        assertThat(notifications.get(0).at("/attributes/team").asText()).isEqualTo("support");
        assertThat(JSON.readTree(notifications.get(0).get("message").asText()).get("comment").asText()).isEqualTo(comment);
        // AND one open case for that response, with team, owner and due time, in the admin API
        JsonNode open = getJson("/api/cases?status=open", true);
        List<JsonNode> cases = matching(open.get("items"), "responseId", responseId);
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("team").asText()).isEqualTo("support");
        assertThat(cases.get(0).get("owner").asText()).isEqualTo("owner@demo.halqe.local");
        assertThat(Instant.parse(cases.get(0).get("dueAt").asText()))
                .isEqualTo(Instant.parse(cases.get(0).get("openedAt").asText()).plus(Duration.ofHours(48)));
        // AND the response reads back enriched, and the metrics count it
        JsonNode response = getJson("/api/responses/" + responseId, true);
        assertThat(response.get("npsCategory").asText()).isEqualTo("detractor");
        assertThat(response.get("status").asText()).isEqualTo("enriched");
        JsonNode metrics = getJson("/api/surveys/demo-nps/metrics", true);
        assertThat(metrics.at("/nps/detractors").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void promoter_shouldOpenNoCase_andBadInputShouldGetA4xx() throws Exception {
        // GIVEN a promoter
        HttpResponse<String> created = postAnswer("{\"answers\":{\"nps\":10,\"comment\":\"Promoter e2e praise\"}}", null);
        drain();
        String responseId = JSON.readTree(created.body()).get("responseId").asText();
        // THEN no case and no email for it
        assertThat(matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId)).isEmpty();
        assertThat(matching(getJson("/_local/outbox", false).get("emails"), "text", "Promoter e2e praise")).isEmpty();
        // AND bad input is a 4xx with an error object, and the admin API needs the key
        HttpResponse<String> invalid = postAnswer("{\"answers\":{\"nps\":\"eleven\"}}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).at("/error/code").asText()).isEqualTo("invalid_answer");
        assertThat(send(HttpRequest.newBuilder(base.resolve("/api/cases"))).statusCode()).isEqualTo(401);
    }
}
