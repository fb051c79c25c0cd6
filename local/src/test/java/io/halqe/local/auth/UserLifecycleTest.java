package io.halqe.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import io.halqe.local.Outbox;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person's life in an empty local cloud, through documented calls only: the bootstrap key makes an agent of support
 * ({@code POST /api/users}), the pool emails her a temporary password, she signs in (choosing her own password, as
 * the pool's policy demands), works support's cases, and the audit log shows who made her and that she signed in;
 * once deleted, she cannot sign in.
 */
class UserLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CHOSEN = "Nasrin-Chose-2026";
    private static LocalCloud cloud;
    private static LocalCloudCalls calls;
    private static String supportCase;

    @BeforeAll
    static void start() throws Exception {
        // GIVEN an empty cloud (nobody can sign in), the support team and a case of support's
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0"));
        calls = new LocalCloudCalls(cloud);
        assertThat(calls.send("PUT", "/api/teams/support", "{\"name\":\"Support\"}").statusCode()).isEqualTo(200);
        calls.answer("demo-nps", JSON.readTree("{\"nps\":1,\"comment\":\"Nobody called\"}"));
        cloud.drain();
        supportCase = JSON.readTree(calls.send("GET", "/api/cases?team=support", null).body()).at("/items/0/caseId").asText();
        assertThat(supportCase).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aUserMadeThroughTheApi_shouldSignInWithTheInvitation_workTheirTeamsCases_andBeAudited_untilDeleted()
            throws Exception {
        // WHEN the bootstrap admin makes Nasrin an agent of support
        HttpResponse<String> made = calls.send("POST", "/api/users",
                "{\"username\":\"nasrin\",\"email\":\"nasrin@example.com\",\"role\":\"agent\",\"teams\":[\"support\"]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(JSON.readTree(made.body()).at("/user/status").asText()).isEqualTo("FORCE_CHANGE_PASSWORD");
        // THEN the pool emails her the temporary password
        Outbox.Email invitation = cloud.outbox().emails().stream()
                .filter(email -> email.to().contains("nasrin@example.com")).findFirst().orElseThrow();
        assertThat(invitation.subject()).isEqualTo("Your temporary password");
        Matcher temporary = Pattern.compile("Your username is nasrin and temporary password is (\\S+)\\.")
                .matcher(invitation.text());
        assertThat(temporary.find()).as(invitation.text()).isTrue();
        // WHEN she signs in with it THEN she must choose her own, which the pool's policy holds to 12 characters
        // with upper and lower case and a number
        SignInFlow flow = new SignInFlow(cloud.baseUrl());
        String challenge = SignInFlow.challenge("v".repeat(43));
        HttpResponse<String> weak = flow.choosePassword(flow.login("nasrin", temporary.group(1), challenge),
                "short1A", challenge);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Password does not conform to policy").contains("Change password");
        String token = flow.signInFirstTime("nasrin", temporary.group(1), CHOSEN);
        // AND with it she reads support's cases, as herself
        HttpResponse<String> cases = send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/console/api/cases"))
                .header("authorization", "Bearer " + token).GET());
        assertThat(cases.statusCode()).as(cases.body()).isEqualTo(200);
        assertThat(JSON.readTree(cases.body()).get("items")).extracting(item -> item.get("caseId").asText())
                .contains(supportCase);
        assertThat(JSON.readTree(calls.send("GET", "/api/users/nasrin", null).body()).get("status").asText())
                .isEqualTo("CONFIRMED");
        // AND the audit log shows the key that made her, and her sign-in, and neither password
        JsonNode audit = JSON.readTree(calls.send("GET", "/api/audit?target=/api/users/nasrin", null).body());
        List<String> entries = new ArrayList<>();
        audit.get("items").forEach(entry -> entries.add(entry.get("actor").asText() + " " + entry.get("action").asText()));
        assertThat(entries).containsExactly("user:nasrin sign-in", "bootstrap POST /api/users");
        assertThat(audit.toString()).doesNotContain(temporary.group(1)).doesNotContain(CHOSEN)
                .doesNotContain("nasrin@example.com");
        // WHEN she is deleted THEN she cannot sign in, and support no longer lists her
        assertThat(calls.send("DELETE", "/api/users/nasrin", null).statusCode()).isEqualTo(204);
        HttpResponse<String> refused = flow.login("nasrin", CHOSEN, challenge);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Incorrect username or password.");
        assertThat(JSON.readTree(calls.send("GET", "/api/teams/support", null).body()).get("members")).isEmpty();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
