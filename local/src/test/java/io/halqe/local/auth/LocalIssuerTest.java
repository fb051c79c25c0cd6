package io.halqe.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalIssuerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    /** A PKCE challenge: the flow needs one; these tests never redeem the code. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private final LocalUserPool pool = LocalUserPool.of(TEMPLATE, new LocalResolver(TEMPLATE, Map.of()),
            List.of(LocalUser.parse("sara:sara-secret:agent")), CLOCK, invitation -> { });

    private static Map<String, String> form(String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", "console");
        form.put("redirect_uri", "http://localhost:3000/console/callback");
        form.put("code_challenge", CHALLENGE);
        form.put("code_challenge_method", "S256");
        form.put("username", user);
        form.put("password", password);
        return form;
    }

    @Test
    void login_shouldRunThePoolsTriggerWithCognitosEvent_whenThePasswordIsRight() {
        // GIVEN the template's pool, whose PostAuthentication trigger is the sign-ins function
        List<String> events = new ArrayList<>();
        LocalIssuer issuer = new LocalIssuer("issuer", "console", pool, (user, client) -> events.add(
                LocalSignIn.postAuthentication(pool, user, client)), CLOCK);
        // WHEN sara signs in
        LocalIssuer.Answer answer = issuer.login(form("SARA", "sara-secret"));
        // THEN she gets her code, after the trigger had Cognito's PostAuthentication event
        assertThat(pool.postAuthenticationFunction()).contains("SignInsFunction");
        assertThat(answer).isInstanceOf(LocalIssuer.Answer.Redirect.class);
        assertThat(events).hasSize(1);
        JsonNode parsed = readTree(events.get(0));
        assertThat(parsed.get("triggerSource").asText()).isEqualTo("PostAuthentication_Authentication");
        assertThat(parsed.get("userName").asText()).isEqualTo("sara");
        assertThat(parsed.get("userPoolId").asText()).isEqualTo(pool.poolId());
        assertThat(parsed.at("/callerContext/clientId").asText()).isEqualTo("console");
        assertThat(parsed.at("/request/userAttributes/sub").asText()).isNotEmpty();
        assertThat(parsed.at("/request/newDeviceUsed").asBoolean(true)).isFalse();
        assertThat(parsed.get("response").isObject()).isTrue();
    }

    @Test
    void login_shouldFailAndGiveNoCode_whenThePoolsTriggerFails() {
        // GIVEN a trigger that fails
        LocalIssuer issuer = new LocalIssuer("issuer", "console", pool, (user, client) -> {
            throw new IllegalStateException("the audit table is unavailable");
        }, CLOCK);
        // WHEN sara signs in with the right password
        LocalIssuer.Answer answer = issuer.login(form("sara", "sara-secret"));
        // THEN the sign-in fails, as Cognito's does, with the trigger's error
        assertThat(answer).isInstanceOfSatisfying(LocalIssuer.Answer.Page.class, page -> {
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.html()).contains("PostAuthentication failed with error the audit table is unavailable.");
        });
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
