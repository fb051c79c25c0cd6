package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.jar.LocalCloudJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One local cloud for every browser test in this JVM: the jar, started as a user starts it ({@code ./halqe local}) on
 * first use, at {@code http://localhost:PORT} (pages "of another origin" are served from 127.0.0.1), stopped when the
 * JVM exits. The tests use only its public HTTP API and the documented {@code /_local} endpoints.
 */
final class SharedCloud {

    static final String KEY = "browser-admin-key";
    /** People who sign in (README, "Access"): two agents, each a member of one team once a test says so, and a manager. */
    static final String AGENT = "sara";
    static final String OTHER_AGENT = "omid";
    /** A CX lead: every team's data, and the scores. */
    static final String MANAGER = "mina";
    /** Who keeps the settings: people, keys, teams, the audit log. */
    static final String ADMIN = "ada";
    /** A user's password is their name and this. */
    static final String PASSWORD_SUFFIX = "-Passw0rd-12";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalCloudJar cloud;

    private SharedCloud() {
    }

    /** {@code http://localhost:PORT}, no trailing slash. */
    static synchronized String base() {
        if (cloud == null) {
            try {
                cloud = LocalCloudJar.start("localhost", KEY, java.util.List.of(
                        "--user", AGENT + ":" + AGENT + PASSWORD_SUFFIX + ":agent",
                        "--user", OTHER_AGENT + ":" + OTHER_AGENT + PASSWORD_SUFFIX + ":agent",
                        "--user", MANAGER + ":" + MANAGER + PASSWORD_SUFFIX + ":manager",
                        "--user", ADMIN + ":" + ADMIN + PASSWORD_SUFFIX + ":admin"));
            } catch (Exception e) {
                throw new IllegalStateException("the local cloud did not start", e);
            }
            LocalCloudJar started = cloud;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return cloud.base().toString();
    }

    static String apiKey() {
        return KEY;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode local(String method, String path, String json) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every queued event and stream record delivered. */
    static void drain() throws Exception {
        local("POST", "/_local/drain", null);
    }

    /** The local clock moved; every schedule due in between fires, in order. */
    static void advanceClock(Duration by) throws Exception {
        local("POST", "/_local/clock", "{\"advance\":\"" + by + "\"}");
        drain();
    }

    static Instant now() throws Exception {
        return Instant.parse(local("GET", "/_local/clock", null).get("now").asText());
    }

    /** What was sent: {@code {"emails":[{to,from,subject,text,html,…}],"notifications":[…]}}. */
    static JsonNode outbox() throws Exception {
        return local("GET", "/_local/outbox", null);
    }
}
