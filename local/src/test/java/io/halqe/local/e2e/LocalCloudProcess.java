package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.jar.LocalCloudJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One local cloud per test class, started with the README's run command ({@code ./halqe local --port N}) as its own
 * process, and the HTTP helpers the end-to-end tests share.
 */
abstract class LocalCloudProcess {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String KEY = "e2e-admin-key";
    static LocalCloudJar cloud;
    static URI base;

    @BeforeAll
    static void startTheLocalCloud(org.junit.jupiter.api.TestInfo test) throws Exception {
        var parameters = test.getTestClass().map(type -> type.getAnnotation(LocalCloudParameters.class));
        cloud = LocalCloudJar.start("127.0.0.1", KEY, parameters.map(LocalCloudParameters::value).orElse(new String[0]));
        base = cloud.base();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode getJson(String path, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (admin) {
            request.header("authorization", "Bearer " + KEY);
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> postAnswer(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/s/demo-nps/responses"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        return send(request);
    }

    static void drain() throws Exception {
        assertThat(send(HttpRequest.newBuilder(base.resolve("/_local/drain")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
    }

    static List<JsonNode> matching(JsonNode array, String field, String contains) {
        List<JsonNode> found = new ArrayList<>();
        array.forEach(node -> {
            if (node.path(field).asText().contains(contains)) {
                found.add(node);
            }
        });
        return found;
    }

    static void putCustomer(String id, String profile) throws Exception {
        HttpResponse<String> stored = send(HttpRequest.newBuilder(base.resolve("/api/customers/" + id))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profile)));
        assertThat(stored.statusCode()).as(stored.body()).isIn(200, 201);
    }

    /** The outbox's emails addressed to {@code address}. */
    static List<JsonNode> emailsTo(String address) throws Exception {
        List<JsonNode> emails = new ArrayList<>();
        getJson("/_local/outbox", false).get("emails").forEach(email -> {
            if (email.get("to").get(0).asText().equals(address)) {
                emails.add(email);
            }
        });
        return emails;
    }

    static JsonNode invite(String customerId, String locale) throws Exception {
        HttpResponse<String> invited = send(HttpRequest.newBuilder(base.resolve("/api/invitations"))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"surveyId\":\"demo-nps\",\"customer\":{\"id\":\"" + customerId
                        + "\",\"locale\":\"" + locale + "\"}}")));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        return JSON.readTree(invited.body());
    }

    /**
     * Moves the local clock; every schedule due in between fires, in order. A day at most per request, so no single
     * request runs the hundreds of sweeps of a long move (each request has the client's timeout).
     */
    static void advanceClock(Duration by) throws Exception {
        Duration left = by;
        while (!left.isZero()) {
            Duration step = left.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : left;
            HttpResponse<String> moved = send(HttpRequest.newBuilder(base.resolve("/_local/clock"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"" + step + "\"}")));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            left = left.minus(step);
        }
        drain();
    }

    static HttpResponse<String> sendAdmin(String method, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("authorization", "Bearer " + KEY)
                .header("content-type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The signed survey link's token in an invitation email. */
    static String token(JsonNode email) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("[?&]t=([A-Za-z0-9._%-]+)")
                .matcher(email.get("text").asText());
        assertThat(token.find()).as("a signed link in %s", email.get("text").asText()).isTrue();
        return java.net.URLDecoder.decode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Answers the last of these invitation emails with an NPS score, through its signed link. */
    static void answerTheLatest(List<JsonNode> emails, int nps) throws Exception {
        HttpResponse<String> answered = postAnswer(JSON.writeValueAsString(JSON.createObjectNode()
                .put("token", token(emails.get(emails.size() - 1)))
                .set("answers", JSON.createObjectNode().put("nps", nps))), null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        drain();
    }
}
