package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.auth.SignInFlow;
import io.halqe.local.jar.LocalCloudJar;
import io.halqe.local.runtime.SamTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every admin route × every role, against the jar started with the README's run command and five people who sign
 * in through its login page: what the README's access section says each role may do, written out here on its own
 * (not read from the code's permission table). Allowed: the route answers for itself (whatever a bad or missing body
 * earns), never 401 or 403; not allowed: 403; another team's case or answer: 404 for an agent. Every change that
 * succeeded is then in the audit log under its person.
 */
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KEY = "matrix-admin-key";
    /** Who may do what, as the README's "Access" section documents the roles. */
    private static final Set<String> EVERYONE = Set.of("admin", "manager", "agent", "viewer");
    private static final Set<String> RUNS = Set.of("admin", "manager");
    private static final Set<String> WORKS_CASES = Set.of("admin", "manager", "agent");
    private static final Set<String> READS_SCORES = Set.of("admin", "manager", "viewer");
    /** Calls that take a body and change nothing: nothing to audit. */
    private static final Set<String> READS_WITH_A_BODY = Set.of("/api/cases/{caseId}/close/preview",
            "/api/announcements/audience");
    private static final Set<String> ADMINS = Set.of("admin");
    /** person → role; sara works support's cases, reza logistics'. */
    private static final Map<String, String> PEOPLE = Map.of("arash", "admin", "mina", "manager", "sara", "agent",
            "reza", "agent", "vida", "viewer");

    private record Call(String method, String route, String path, String body, Set<String> roles,
                        boolean supportsOwn) {
    }

    private static LocalCloudJar cloud;
    private static URI base;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static String caseId;
    private static String responseId;

    @BeforeAll
    static void start() throws Exception {
        // GIVEN the jar with five people, two teams (sara in support, reza in logistics) and a support case
        List<String> users = new ArrayList<>();
        PEOPLE.forEach((name, role) -> users.addAll(List.of("--user", name + ":" + name + "-pw:" + role)));
        cloud = LocalCloudJar.start("127.0.0.1", KEY, users, "AnonymousAnswersPerMinute=0");
        base = cloud.base();
        assertThat(withKey("PUT", "/api/teams/support", "{\"members\":[\"sara\"]}").statusCode()).isEqualTo(200);
        assertThat(withKey("PUT", "/api/teams/logistics", "{\"members\":[\"reza\"]}").statusCode()).isEqualTo(200);
        HttpResponse<String> answered = send(HttpRequest.newBuilder(base.resolve("/s/demo-nps/responses"))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"answers\":{\"nps\":1,\"comment\":\"Nobody answered\"}}")));
        assertThat(answered.statusCode()).isEqualTo(201);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/_local/drain")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
        JsonNode support = JSON.readTree(withKey("GET", "/api/cases?team=support", null).body()).at("/items/0");
        caseId = support.get("caseId").asText();
        responseId = support.get("responseId").asText();
        SignInFlow flow = new SignInFlow(base);
        for (String person : PEOPLE.keySet()) {
            TOKENS.put(person, flow.signIn(person, person + "-pw"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    private static List<Call> calls() {
        String c = "/api/cases/" + caseId;
        return List.of(
                new Call("GET", "/api/surveys", "/api/surveys", null, EVERYONE, false),
                new Call("POST", "/api/surveys", "/api/surveys", "{}", RUNS, false),
                new Call("GET", "/api/surveys/{surveyId}", "/api/surveys/demo-nps", null, EVERYONE, false),
                new Call("PUT", "/api/surveys/{surveyId}", "/api/surveys/demo-nps", "{}", RUNS, false),
                new Call("POST", "/api/surveys/{surveyId}/themes", "/api/surveys/demo-nps/themes",
                        "{\"theme\":\"matrix\",\"language\":\"en\",\"term\":\"matrix term\"}", RUNS, false),
                new Call("POST", "/api/surveys/{surveyId}/import/delighted", "/api/surveys/demo-nps/import/delighted",
                        "", RUNS, false),
                new Call("GET", "/api/surveys/{surveyId}/versions", "/api/surveys/demo-nps/versions", null, EVERYONE,
                        false),
                new Call("POST", "/api/surveys/preview", "/api/surveys/preview", "{}", RUNS, false),
                new Call("GET", "/api/surveys/{surveyId}/responses", "/api/surveys/demo-nps/responses", null,
                        WORKS_CASES, false),
                new Call("GET", "/api/surveys/{surveyId}/responses/export",
                        "/api/surveys/demo-nps/responses/export?format=ndjson", null, WORKS_CASES, false),
                new Call("GET", "/api/responses/{responseId}", "/api/responses/" + responseId, null, WORKS_CASES, true),
                new Call("GET", "/api/surveys/{surveyId}/metrics", "/api/surveys/demo-nps/metrics", null, READS_SCORES, false),
                new Call("GET", "/api/surveys/{surveyId}/drivers", "/api/surveys/demo-nps/drivers", null, READS_SCORES, false),
                new Call("GET", "/api/surveys/{surveyId}/emerging", "/api/surveys/demo-nps/emerging", null, READS_SCORES,
                        false),
                new Call("GET", "/api/reports/effectiveness", "/api/reports/effectiveness", null, READS_SCORES, false),
                new Call("GET", "/api/customers/{customerId}", "/api/customers/nobody-m", null, RUNS, false),
                new Call("GET", "/api/customers/{customerId}/feedback", "/api/customers/nobody-m/feedback", null, RUNS, false),
                new Call("PUT", "/api/customers/{customerId}", "/api/customers/nobody-m", "{\"id\":\"other\"}", RUNS, false),
                new Call("POST", "/api/customers/import", "/api/customers/import", "", RUNS, false),
                new Call("GET", "/api/suppressions", "/api/suppressions", null, RUNS, false),
                new Call("PUT", "/api/suppressions", "/api/suppressions", "{}", RUNS, false),
                new Call("DELETE", "/api/suppressions/{suppressionId}", "/api/suppressions/nope", null, RUNS, false),
                new Call("DELETE", "/api/customers/{customerId}", "/api/customers/nobody-m", null, RUNS, false),
                new Call("GET", "/api/customers/{customerId}/export", "/api/customers/nobody-m/export", null, RUNS, false),
                new Call("GET", "/api/cases", "/api/cases?team=support", null, WORKS_CASES, true),
                new Call("GET", "/api/cases/{caseId}", c, null, WORKS_CASES, true),
                new Call("PATCH", "/api/cases/{caseId}", c, "{\"tags\":[\"matrix\"]}", WORKS_CASES, true),
                new Call("POST", "/api/cases/{caseId}/notes", c + "/notes", "{\"text\":\"matrix\"}", WORKS_CASES, true),
                new Call("POST", "/api/cases/{caseId}/close/preview", c + "/close/preview",
                        "{\"customerMessage\":\"matrix\"}", WORKS_CASES, true),
                new Call("POST", "/api/cases/{caseId}/close", c + "/close", "{}", WORKS_CASES, true),
                new Call("GET", "/api/routing", "/api/routing", null, RUNS, false),
                new Call("PUT", "/api/routing", "/api/routing", "{}", RUNS, false),
                new Call("GET", "/api/alert-rules", "/api/alert-rules", null, RUNS, false),
                new Call("PUT", "/api/alert-rules", "/api/alert-rules", "{}", RUNS, false),
                new Call("GET", "/api/triggers", "/api/triggers", null, RUNS, false),
                new Call("PUT", "/api/triggers", "/api/triggers", "{}", RUNS, false),
                new Call("GET", "/api/contact-policy", "/api/contact-policy", null, RUNS, false),
                new Call("PUT", "/api/contact-policy", "/api/contact-policy", "[]", RUNS, false),
                new Call("GET", "/api/teams/{teamId}", "/api/teams/support", null, RUNS, false),
                new Call("PUT", "/api/teams/{teamId}", "/api/teams/matrix", "{\"members\":[]}", RUNS, false),
                new Call("GET", "/api/teams/{teamId}/digest/preview", "/api/teams/support/digest/preview", null, RUNS,
                        false),
                new Call("POST", "/api/invitations", "/api/invitations", "{}", RUNS, false),
                new Call("POST", "/api/outreach/dry-run", "/api/outreach/dry-run", "{}", RUNS, false),
                new Call("POST", "/api/announcements", "/api/announcements", "{}", RUNS, false),
                new Call("POST", "/api/announcements/audience", "/api/announcements/audience",
                        "{\"surveyId\":\"demo-nps\",\"theme\":\"matrix\"}", RUNS, false),
                new Call("GET", "/api/admin/parked", "/api/admin/parked", null, RUNS, false),
                new Call("POST", "/api/admin/parked/{id}/requeue", "/api/admin/parked/nope/requeue", null, RUNS, false),
                new Call("GET", "/api/keys", "/api/keys", null, ADMINS, false),
                new Call("POST", "/api/keys", "/api/keys", "{}", ADMINS, false),
                new Call("DELETE", "/api/keys/{keyId}", "/api/keys/nope", null, ADMINS, false),
                new Call("GET", "/api/audit", "/api/audit", null, ADMINS, false),
                new Call("GET", "/api/webhooks", "/api/webhooks", null, ADMINS, false),
                new Call("POST", "/api/webhooks", "/api/webhooks", "{}", ADMINS, false),
                new Call("GET", "/api/webhooks/{webhookId}", "/api/webhooks/nope", null, ADMINS, false),
                new Call("DELETE", "/api/webhooks/{webhookId}", "/api/webhooks/nope", null, ADMINS, false),
                new Call("POST", "/api/webhooks/{webhookId}/secret", "/api/webhooks/nope/secret", "{}", ADMINS, false),
                new Call("GET", "/api/webhooks/{webhookId}/deliveries", "/api/webhooks/nope/deliveries", null, ADMINS,
                        false),
                new Call("POST", "/api/webhooks/{webhookId}/deliveries/{deliveryId}/resend",
                        "/api/webhooks/nope/deliveries/nope/resend", "{}", ADMINS, false),
                new Call("GET", "/api/users", "/api/users", null, ADMINS, false),
                new Call("POST", "/api/users", "/api/users", "{}", ADMINS, false),
                new Call("GET", "/api/users/{username}", "/api/users/arash", null, ADMINS, false),
                // nobody's: the matrix's own people keep their roles
                new Call("PUT", "/api/users/{username}", "/api/users/nobody-m", "{\"role\":\"viewer\"}", ADMINS, false),
                new Call("DELETE", "/api/users/{username}", "/api/users/nobody-m", null, ADMINS, false));
    }

    @Test
    void everyRoute_shouldAnswerEachRoleAsDocumented_andEveryChangeShouldBeAudited() throws Exception {
        // GIVEN the matrix, which must name every admin route of the template
        List<String> declared = new ArrayList<>();
        SamTemplate.load().function("ApiFunction").events("HttpApi").forEach(event -> declared.add(
                event.properties().get("Method") + " " + event.properties().get("Path")));
        declared.remove("ANY /console/api/{proxy+}");
        assertThat(calls()).extracting(call -> call.method() + " " + call.route())
                .containsExactlyInAnyOrderElementsOf(declared);
        // WHEN each person makes each call through the console route
        List<String> wrong = new ArrayList<>();
        Map<String, List<Call>> changed = new LinkedHashMap<>();
        for (Call call : calls()) {
            for (var person : PEOPLE.entrySet()) {
                HttpResponse<String> answer = console(call, TOKENS.get(person.getKey()));
                int status = answer.statusCode();
                boolean allowed = call.roles().contains(person.getValue());
                boolean otherTeam = person.getKey().equals("reza") && call.supportsOwn();
                String expected = !allowed ? "403" : otherTeam ? (call.route().equals("/api/cases") ? "400" : "404")
                        : "not 401/403";
                boolean ok = !allowed ? status == 403 : otherTeam
                        ? status == (call.route().equals("/api/cases") ? 400 : 404) : status != 401 && status != 403;
                if (!ok) {
                    wrong.add(person.getKey() + " (" + person.getValue() + ") " + call.method() + " " + call.path()
                            + ": " + status + ", expected " + expected + " — " + answer.body());
                }
                if (status < 300 && !call.method().equals("GET") && !READS_WITH_A_BODY.contains(call.route())) {
                    changed.computeIfAbsent(person.getKey(), p -> new ArrayList<>()).add(call);
                }
            }
        }
        // THEN every answer is the documented one
        assertThat(wrong).isEmpty();
        // AND every change that happened is in the audit log with its person as the actor
        assertThat(changed).containsKeys("arash", "mina", "sara");
        for (var person : changed.entrySet()) {
            JsonNode audit = JSON.readTree(withKey("GET", "/api/audit?limit=1000&actor=user:" + person.getKey(), null)
                    .body());
            List<String> actions = new ArrayList<>();
            audit.get("items").forEach(entry -> actions.add(entry.get("action").asText()));
            for (Call call : person.getValue()) {
                assertThat(actions).as(person.getKey() + " " + call.route()).contains(call.method() + " " + call.route());
            }
        }
    }

    private static HttpResponse<String> console(Call call, String token) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/console" + call.path()))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body())));
    }

    private static HttpResponse<String> withKey(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("authorization", "Bearer " + KEY).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
