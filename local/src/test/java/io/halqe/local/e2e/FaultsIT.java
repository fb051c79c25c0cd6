package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.jar.LocalCloudJar;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loop under faults, from an empty local cloud started with {@code --faults}: a tenth of the functions' DynamoDB
 * calls throttled or failing, a twentieth of SES, SNS and EventBridge calls unavailable, and one invocation in fifty
 * timing out after doing its work. 1,000 answers (200 through invitations, 800 anonymous) and the invited detractors'
 * cases closed with a word to the customer: everything counts once, and nothing is lost or sent twice. Clients do
 * what clients do: a 5xx is sent again, with the same key. The run's figures are printed and are in the README.
 */
class FaultsIT {

    private static final String KEY = "faults-admin-key";
    private static final String FAULTS = "dynamodb=0.1,ses=0.05,sns=0.05,events=0.05,timeout=0.02";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalCloudJar cloud;
    private static int resent;

    @BeforeAll
    static void start() throws Exception {
        // the per-source limit and the alert-storm fold are off: the test counts one email per case
        cloud = LocalCloudJar.start("127.0.0.1", KEY, List.of("--faults", FAULTS, "--faults-seed", "7"),
                "AnonymousAnswersPerMinute=0", "AlertsPerRuleHour=0");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    /** Sends until it is answered without a 5xx, as a client with retries does (the body and key stay the same). */
    private static HttpResponse<String> call(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.base() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("content-type", "application/json").timeout(Duration.ofMinutes(path.startsWith("/_local") ? 10 : 1));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 500) {
                return response;
            }
            assertThat(attempt).as("%s %s kept failing: %s", method, path, response.body()).isLessThan(30);
            resent++;
        }
    }

    private static JsonNode admin(String method, String path, String body) throws Exception {
        HttpResponse<String> response = call(method, path, body, Map.of("authorization", "Bearer " + KEY));
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static void settle() throws Exception {
        // drained, then the clock moved past the async and stream retries' waits, twice
        for (int round = 0; round < 3; round++) {
            call("POST", "/_local/drain", null, Map.of());
            call("POST", "/_local/clock", "{\"advance\":\"PT5M\"}", Map.of());
        }
        call("POST", "/_local/drain", null, Map.of());
    }

    private static List<JsonNode> all(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin("GET", path + (path.contains("?") ? "&" : "?") + "limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null);
            page.path("items").forEach(items::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    @Test
    void aThousandAnswersUnderFaults_shouldEachCountOnce_andEveryCaseAndEmailHappenOnce() throws Exception {
        Random random = new Random(11);
        // GIVEN 200 customers invited by link (each named, with an email for closing the loop)
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            JsonNode invited = admin("POST", "/api/invitations", "{\"surveyId\":\"demo-nps\",\"channel\":\"link\","
                    + "\"customer\":{\"id\":\"fault-" + i + "\",\"email\":\"fault-" + i + "@example.com\",\"locale\":\"en\"}}");
            tokens.add(invited.get("token").asText());
        }
        // WHEN 1,000 answers arrive: 200 through the invitations, 800 anonymous, a third with a comment
        int promoters = 0;
        int passives = 0;
        int detractors = 0;
        Map<String, String> invitedDetractors = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            int score = random.nextInt(11);
            var body = JSON.createObjectNode();
            var answers = body.putObject("answers").put("nps", score);
            if (i % 3 == 0) {
                answers.put("comment", score <= 6 ? "Delivery was late again, order " + i : "Quick and friendly, order " + i);
            }
            if (i < 200) {
                body.put("token", tokens.get(i));
            }
            HttpResponse<String> sent = call("POST", "/s/demo-nps/responses", JSON.writeValueAsString(body),
                    i < 200 ? Map.of() : Map.of("idempotency-key", "faults-" + i));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            if (score >= 9) {
                promoters++;
            } else if (score >= 7) {
                passives++;
            } else {
                detractors++;
                if (i < 200) {
                    invitedDetractors.put(JSON.readTree(sent.body()).get("responseId").asText(), "fault-" + i + "@example.com");
                }
            }
        }
        long answered = System.nanoTime();
        settle();
        System.out.printf("FaultsIT: answers settled in %d s%n", (System.nanoTime() - answered) / 1_000_000_000);

        // THEN every answer is stored once, and the scores are exactly the independent tally
        List<JsonNode> stored = all("/api/surveys/demo-nps/responses");
        Set<String> ids = new HashSet<>();
        stored.forEach(response -> ids.add(response.path("responseId").asText()));
        assertThat(stored).hasSize(1000);
        assertThat(ids).hasSize(1000);
        assertThat(stored).allSatisfy(response -> assertThat(response.path("status").asText()).isEqualTo("enriched"));
        JsonNode metrics = admin("GET", "/api/surveys/demo-nps/metrics", null);
        assertThat(metrics.path("responses").asInt()).isEqualTo(1000);
        assertThat(metrics.at("/nps/promoters").asInt()).isEqualTo(promoters);
        assertThat(metrics.at("/nps/passives").asInt()).isEqualTo(passives);
        assertThat(metrics.at("/nps/detractors").asInt()).isEqualTo(detractors);
        // AND one case per detractor, and one owner email per case
        List<JsonNode> cases = all("/api/cases?status=open");
        Set<String> caseResponses = new HashSet<>();
        cases.forEach(opened -> caseResponses.add(opened.path("responseId").asText()));
        assertThat(cases).hasSize(detractors);
        assertThat(caseResponses).hasSize(detractors);
        JsonNode outbox = admin("GET", "/_local/outbox", null);
        long ownerEmails = 0;
        for (JsonNode email : outbox.get("emails")) {
            if (email.path("subject").asText().contains("Detractor")) {
                ownerEmails++;
            }
        }
        assertThat(ownerEmails).isEqualTo(detractors);

        // WHEN the invited detractors' cases are closed with a word to each customer (a close is sent again on a 5xx)
        for (JsonNode opened : cases) {
            if (invitedDetractors.containsKey(opened.path("responseId").asText())) {
                admin("POST", "/api/cases/" + opened.path("caseId").asText() + "/close",
                        "{\"resolution\":\"Called and refunded\",\"notifyCustomer\":true,"
                                + "\"customerMessage\":\"We refunded the delivery fee.\"}");
            }
        }
        settle();
        // THEN each of those customers got exactly one close-the-loop email
        Map<String, Integer> closeEmails = new HashMap<>();
        for (JsonNode email : admin("GET", "/_local/outbox", null).get("emails")) {
            if (email.path("text").asText().contains("We refunded the delivery fee.")) {
                closeEmails.merge(email.path("to").path(0).asText(), 1, Integer::sum);
            }
        }
        assertThat(closeEmails).hasSize(invitedDetractors.size()).allSatisfy((to, count) -> assertThat(count).isOne());
        assertThat(closeEmails.keySet()).containsExactlyInAnyOrderElementsOf(invitedDetractors.values());
        // AND nothing ended in a dead-letter queue
        assertThat(admin("GET", "/_local/dead-letters", null).path("deadLetters")).isEmpty();
        System.out.printf("FaultsIT: faults %s; 1000 answers (%d promoters, %d passives, %d detractors), %d cases, "
                        + "%d close-the-loop emails; %d requests sent again after a 5xx%n", FAULTS, promoters, passives,
                detractors, cases.size(), closeEmails.size(), resent);
    }
}
