package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.jar.LocalCloudJar;
import io.halqe.local.runtime.SamTemplate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated input against the jar, as anyone on the internet (submissions) or a buggy integration (admin calls) might
 * send it: never a 5xx, and nothing stored that was not accepted. The run's figures are in the README ("Tests").
 */
class FuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KEY = "fuzz-admin-key";
    private static final Set<String> ACCEPTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static LocalCloudJar cloud;
    private static List<String[]> adminRoutes;

    @BeforeContainer
    static void start() throws Exception {
        // the fuzz is about what a request may hold: the per-source limit (FloodIT's subject) would answer most with 429
        cloud = LocalCloudJar.start("127.0.0.1", KEY, "AnonymousAnswersPerMinute=0");
        adminRoutes = SamTemplate.load(java.nio.file.Path.of(System.getProperty("halqe.repoRoot", ".."), "template.yaml"))
                .functions().stream().flatMap(function -> function.events("HttpApi").stream())
                .map(event -> new String[] {String.valueOf(event.properties().get("Method")),
                    String.valueOf(event.properties().get("Path"))})
                .filter(route -> route[1].startsWith("/api/")).toList();
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            // nothing stored that was not accepted: every stored response is one a 2xx named
            List<String> stored = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = JSON.readTree(send(HttpRequest.newBuilder(URI.create(cloud.base() + "/api/surveys/demo-nps/responses"
                        + (cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))))
                        .header("authorization", "Bearer " + KEY)).body());
                page.path("items").forEach(item -> stored.add(item.path("responseId").asText()));
                cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
            } while (cursor != null);
            assertThat(ACCEPTED).containsAll(stored);
            System.out.printf("FuzzIT: %d calls, %d answers accepted and %d stored%n", CALLS.get(), ACCEPTED.size(),
                    stored.size());
        } finally {
            cloud.close();
        }
        // jqwik runs no JUnit Jupiter extension: the fuzz's answers are held to openapi.yaml here
        io.halqe.local.openapi.AnswersHeldToTheDescription.check("FuzzIT");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        CALLS.incrementAndGet();
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 13).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(20), java.math.BigInteger.TEN.pow(30))
                        .map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.of("7", "۷", "-", "_", "fa", "en-US", "", " ").map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
    }

    private static Arbitrary<Object> value() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar()),
                net.jqwik.api.Tuple.of(1, scalar().list().ofMaxSize(4).map(Object.class::cast)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), scalar())
                        .ofMaxSize(3).map(Object.class::cast)));
    }

    private static Arbitrary<Map<String, Object>> object(Arbitrary<String> keys, Arbitrary<Object> values) {
        return Arbitraries.maps(keys, values).ofMaxSize(5).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<String> submissionBodies() {
        // a third well-formed (so some are accepted and the stored-only-when-accepted check means something)
        Arbitrary<Object> wellFormed = Combinators.combine(Arbitraries.integers().between(0, 10),
                Arbitraries.strings().ofMaxLength(80)).as((nps, comment) -> Map.<String, Object>of("nps", nps, "comment", comment));
        Arbitrary<Object> answers = Arbitraries.oneOf(wellFormed,
                object(Arbitraries.of("nps", "comment", "x", ""), value()).map(Object.class::cast), value());
        Arbitrary<Map<String, Object>> top = Combinators.combine(answers,
                Arbitraries.oneOf(Arbitraries.just(Map.<String, Object>of()),
                        object(Arbitraries.of("language", "token", "partial", "hidden", "plan", "extra", "answers"), value())))
                .as((given, rest) -> {
                    Map<String, Object> body = new LinkedHashMap<>(rest);
                    body.put("answers", given);
                    return body;
                });
        return Arbitraries.oneOf(top.map(FuzzIT::json), Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('0', '9').withChars("=&%nps_lang").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> surveyIds() {
        return Arbitraries.oneOf(Arbitraries.just("demo-nps"), Arbitraries.just("demo-nps"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(700));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json", "application/x-www-form-urlencoded", "text/plain", "");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> adminBodies() {
        return Arbitraries.oneOf(object(Arbitraries.oneOf(Arbitraries.of("id", "name", "surveyId", "customer", "channel",
                "rules", "questions", "kind", "languages", "defaultLanguage", "email", "locale", "resolution", "status",
                "address", "reason", "timeZone", "frequencyCap", "message", "theme"), Arbitraries.strings().alpha().ofMaxLength(6)),
                value()).map(FuzzIT::json), Arbitraries.strings().ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> pathValues() {
        return Arbitraries.oneOf(Arbitraries.of("demo-nps", "c-1", "support"), Arbitraries.strings().ofMinLength(1).ofMaxLength(600));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 6000)
    void submissions_shouldNeverGetA5xx_andBeStoredOnlyWhenAccepted(@ForAll("surveyIds") String surveyId,
            @ForAll("submissionBodies") String body, @ForAll("contentTypes") String contentType,
            @ForAll("keys") String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.base() + "/s/" + segment(surveyId) + "/responses"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("content-type", contentType);
        }
        if (!idempotencyKey.isEmpty()) {
            request.header("idempotency-key", idempotencyKey);
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("POST /s/%s/responses %s: %s", surveyId, body, response.body()).isLessThan(500);
        if (response.statusCode() / 100 == 2 && response.body().startsWith("{")) {
            ACCEPTED.add(JSON.readTree(response.body()).path("responseId").asText());
        }
    }

    @Property(tries = 4000)
    void adminCalls_shouldNeverGetA5xx(@ForAll("pathValues") String pathValue, @ForAll("adminBodies") String body,
            @ForAll("keys") String query, @ForAll boolean authorised) throws Exception {
        String[] route = adminRoutes.get(Math.floorMod((pathValue + body).hashCode(), adminRoutes.size()));
        String path = route[1].replaceAll("\\{[^}]+}", segment(pathValue));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.base() + path + "?q=" + segment(query)
                        + "&cursor=" + segment(query) + "&from=" + segment(query) + "&limit=" + segment(query)))
                .method(route[0], route[0].equals("GET") || route[0].equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json")
                .header("authorization", authorised ? "Bearer " + KEY : "Bearer " + query);
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("%s %s %s: %s", route[0], path, body, response.body()).isLessThan(500);
    }
}
