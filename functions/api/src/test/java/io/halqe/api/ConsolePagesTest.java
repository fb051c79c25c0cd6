package io.halqe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {

    private static final Pattern NONCE = Pattern.compile("script-src 'nonce-([0-9a-f]{32})'");
    private final ConsolePages pages = new ConsolePages("https://halqe-1.auth.eu-west-1.amazoncognito.com/",
            "client-123");

    @Test
    void casePage_shouldCarryTheSignInSettingsAndANoncedScript_butNoCaseData() {
        // WHEN a case page is asked for
        APIGatewayV2HTTPResponse page = pages.serve("/console/cases/case-42");
        // THEN it names the case, the managed login and the client for its script, which runs under a fresh nonce
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("data-view=\"case\"", "data-case=\"case-42\"",
                "data-sign-in=\"https://halqe-1.auth.eu-west-1.amazoncognito.com\"", "data-client=\"client-123\"",
                "<title>Case case-42 — Halqe</title>", "/oauth2/authorize", "code_challenge_method: 'S256'");
        String policy = page.getHeaders().get("content-security-policy");
        Matcher nonce = NONCE.matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(page.getBody()).contains("<script nonce=\"" + nonce.group(1) + "\">");
        // AND it may talk to itself and the token endpoint only, be framed by no one, and leak no code in referrers
        assertThat(policy).contains("connect-src 'self' https://halqe-1.auth.eu-west-1.amazoncognito.com;",
                "frame-ancestors 'none'", "default-src 'none'");
        assertThat(page.getHeaders()).containsEntry("referrer-policy", "no-referrer")
                .containsEntry("cache-control", "no-store");
        assertThat(pages.serve("/console/cases/case-42").getHeaders().get("content-security-policy"))
                .isNotEqualTo(policy);
    }

    @Test
    void pages_shouldServeTheCallbackAndTheCaseList_andNothingElse() {
        // WHEN the sign-in's return, the list and the bare console path are asked for THEN each is the same shell
        assertThat(pages.serve("/console/callback").getBody()).contains("data-view=\"callback\"");
        assertThat(pages.serve("/console/cases").getBody()).contains("data-view=\"home\"");
        assertThat(pages.serve("/console/").getBody()).contains("data-view=\"home\"");
        // AND anything else, or a case id that is no case id, is a page that is not found, with no script
        for (String path : new String[] {"/console/cases/<script>alert(1)</script>", "/console/admin",
                "/console/cases/a/b", "/console/cases/"}) {
            APIGatewayV2HTTPResponse missing = pages.serve(path);
            assertThat(missing.getStatusCode()).as(path).isEqualTo(404);
            assertThat(missing.getBody()).as(path).doesNotContain("<script", "alert(1)");
        }
    }

    @Test
    void pages_shouldSaySignInIsMissing_whenTheDeploymentHasNone() {
        // GIVEN no managed login configured
        ConsolePages unconfigured = new ConsolePages("", null);
        // WHEN a case page is asked for THEN it says so (503) instead of sending the reader nowhere
        APIGatewayV2HTTPResponse page = unconfigured.serve("/console/cases/case-42");
        assertThat(page.getStatusCode()).isEqualTo(503);
        assertThat(page.getBody()).contains("no sign-in configured").doesNotContain("<script");
    }
}
