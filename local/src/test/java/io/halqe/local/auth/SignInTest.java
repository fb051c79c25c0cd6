package io.halqe.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to an empty local cloud as people do: the discovery document, the login page, the authorization code
 * with PKCE, the token — then the admin routes through {@code /console/api/…}, where the emulated HttpApi JWT
 * authorizer checks the token before the function runs, and the function gives each role its scopes and each agent
 * their teams' cases.
 */
class SignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalCloud cloud;
    private static LocalCloudCalls calls;
    private static SignInFlow flow;
    private static String supportCase;

    @BeforeAll
    static void start() throws Exception {
        // GIVEN a cloud with three people, sara an agent of support, reza an agent of logistics, vida a viewer
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0")
                .withUser(LocalUser.parse("sara:sara-secret:agent")).withUser(LocalUser.parse("reza:reza-secret:agent"))
                .withUser(LocalUser.parse("vida:vida-secret:viewer")));
        calls = new LocalCloudCalls(cloud);
        assertThat(calls.send("PUT", "/api/teams/support", "{\"members\":[\"sara\"]}").statusCode()).isEqualTo(200);
        assertThat(calls.send("PUT", "/api/teams/logistics", "{\"members\":[\"reza\"]}").statusCode()).isEqualTo(200);
        // AND a detractor's answer on the demo survey, which opens a case for support
        calls.answer("demo-nps", JSON.readTree("{\"nps\":1,\"comment\":\"Nobody answered\"}"));
        cloud.drain();
        JsonNode cases = JSON.readTree(calls.send("GET", "/api/cases?team=support", null).body());
        supportCase = cases.at("/items/0/caseId").asText();
        assertThat(supportCase).isNotEmpty();
        flow = new SignInFlow(cloud.baseUrl());
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void signIn_shouldGiveAnAgentHerTeamsCases_andAViewerScoresOnly() throws Exception {
        // WHEN sara, reza and vida sign in
        String sara = flow.signIn("sara", "sara-secret");
        String reza = flow.signIn("reza", "reza-secret");
        String vida = flow.signIn("vida", "vida-secret");
        // THEN sara reads and notes support's case, as herself; reza, of logistics, does not find it
        assertThat(console("GET", "/cases/" + supportCase, sara, null).statusCode()).isEqualTo(200);
        HttpResponse<String> noted = console("POST", "/cases/" + supportCase + "/notes", sara, "{\"text\":\"calling\"}");
        assertThat(JSON.readTree(noted.body()).at("/notes/0/author").asText()).isEqualTo("user:sara");
        assertThat(console("GET", "/cases/" + supportCase, reza, null).statusCode()).isEqualTo(404);
        // AND vida reads scores, not cases
        assertThat(console("GET", "/surveys/demo-nps/metrics", vida, null).statusCode()).isEqualTo(200);
        assertThat(console("GET", "/cases?team=support", vida, null).statusCode()).isEqualTo(403);
    }

    @Test
    void tokens_shouldBeRefusedByTheGateway_whenTamperedExpiredOrMissing() throws Exception {
        // GIVEN a token of reza's
        String token = flow.signIn("reza", "reza-secret");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        // WHEN it is sent altered, not at all, or as a machine key THEN the gateway answers 401 itself
        for (String credential : new String[] {tampered, "", cloud.apiKey()}) {
            HttpResponse<String> refused = console("GET", "/cases?team=logistics", credential, null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("Unauthorized");
        }
        // AND an hour later the token itself has expired
        assertThat(console("GET", "/cases?team=logistics", token, null).statusCode()).isEqualTo(200);
        cloud.advanceClock(Duration.ofMinutes(61));
        assertThat(console("GET", "/cases?team=logistics", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void login_shouldRefuseAWrongPassword_andTheTokenEndpointAWrongVerifierOrAReusedCode() throws Exception {
        // WHEN the password is wrong THEN the page says so and gives no code
        HttpResponse<String> wrong = flow.login("sara", "guess", SignInFlow.challenge("v".repeat(43)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Incorrect username or password.");
        // WHEN a code is redeemed with another verifier, or twice THEN invalid_grant
        String verifier = "w".repeat(43);
        String code = flow.code(flow.login("sara", "sara-secret", SignInFlow.challenge(verifier)));
        assertThat(flow.token(code, "x".repeat(43)).statusCode()).isEqualTo(400);
        String second = flow.code(flow.login("sara", "sara-secret", SignInFlow.challenge(verifier)));
        assertThat(flow.token(second, verifier).statusCode()).isEqualTo(200);
        HttpResponse<String> reused = flow.token(second, verifier);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reused.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    private static HttpResponse<String> console(String method, String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/console/api" + path))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
