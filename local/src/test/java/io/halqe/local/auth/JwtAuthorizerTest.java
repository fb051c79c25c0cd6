package io.halqe.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest {

    private static final Instant T = Instant.parse("2026-12-03T08:00:00Z");
    private static final String POOL = "https://cognito-idp.us-east-1.amazonaws.com/halqe-local-PeoplePool";
    private static final LocalUser SARA = new LocalUser("sara", "pw", List.of("agent", "viewer"));
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private final LocalIssuer issuer = new LocalIssuer(POOL, "console-client", pool(), LocalIssuer.AfterSignIn.NOTHING,
            CLOCK);

    private static LocalUserPool pool() {
        return new LocalUserPool("halqe-local-PeoplePool", java.util.Map.of(),
                new PasswordPolicy(12, true, true, true, false, 3), null, CLOCK, invitation -> { });
    }

    private JwtAuthorizer authorizer(String expectedIssuer, List<String> audience, Instant now) {
        return new JwtAuthorizer(expectedIssuer, audience, issuer.publicKey(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verify_shouldPassATokenOfThePool_andHandOnItsClaimsAsApiGatewayDoes() {
        // GIVEN an access token and an id token of the pool, checked as the template's authorizer is configured
        String access = issuer.sign(SARA, T, "access");
        String id = issuer.sign(SARA, T, "id");
        JwtAuthorizer people = authorizer(POOL, List.of("console-client"), T.plusSeconds(60));
        // WHEN they are verified, with and without "Bearer "
        // THEN both pass (the access token by its client_id, the id token by its aud), claims as strings
        assertThat(people.verify("Bearer " + access, List.of())).hasValueSatisfying(verified -> {
            assertThat(verified.claims()).containsEntry("username", "sara").containsEntry("cognito:groups", "[agent viewer]")
                    .containsEntry("client_id", "console-client").containsEntry("exp",
                            Long.toString(T.plus(LocalIssuer.TOKEN_LIFETIME).getEpochSecond()));
            assertThat(verified.scopes()).contains("openid");
        });
        assertThat(people.verify(id, List.of())).hasValueSatisfying(verified ->
                assertThat(verified.claims()).containsEntry("cognito:username", "sara"));
    }

    @Test
    void verify_shouldRefuseTamperedExpiredForeignAndMisaddressedTokens() {
        String access = issuer.sign(SARA, T, "access");
        JwtAuthorizer people = authorizer(POOL, List.of("console-client"), T.plusSeconds(60));
        // a changed claim (the signature no longer holds), and a signature cut short
        String[] parts = access.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("[agent viewer]", "[admin]")
                        .replace("\"agent\",\"viewer\"", "\"admin\"").getBytes()) + "." + parts[2];
        assertThat(people.verify(forged, List.of())).isEmpty();
        assertThat(people.verify(access.substring(0, access.length() - 4), List.of())).isEmpty();
        // a token of another pool's key, though it names this pool and client
        LocalIssuer impostor = new LocalIssuer(POOL, "console-client", pool(), LocalIssuer.AfterSignIn.NOTHING, CLOCK);
        assertThat(people.verify(impostor.sign(SARA, T, "access"), List.of())).isEmpty();
        // the right key, but the authorizer expects another issuer, or another client
        assertThat(authorizer(POOL + "-other", List.of("console-client"), T).verify(access, List.of())).isEmpty();
        assertThat(authorizer(POOL, List.of("another-client"), T).verify(access, List.of())).isEmpty();
        // an hour and a second later it has expired; a scope the route asks for and the token lacks
        assertThat(authorizer(POOL, List.of("console-client"), T.plus(Duration.ofMinutes(60)).plusSeconds(1))
                .verify(access, List.of())).isEmpty();
        assertThat(people.verify(access, List.of("admin:write"))).isEmpty();
        // nothing, or not a JWT
        assertThat(people.verify(null, List.of())).isEmpty();
        assertThat(people.verify("Bearer hq_abc_def", List.of())).isEmpty();
    }
}
