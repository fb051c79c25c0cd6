package io.halqe.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"");
    private final ConsolePages pages = new ConsolePages("https://halqe-1.auth.eu-west-1.amazoncognito.com/",
            "client-123");

    @Test
    void casePage_shouldBeTheConsoleWithItsSignInSettings_underAPolicyWithNoInlineScript() {
        // WHEN a case page is asked for, as an email's link does
        APIGatewayV2HTTPResponse page = pages.serve("/console/cases/case-42");
        // THEN it is the console's page with the managed login and the client id added for its script
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains(
                "<meta name=\"halqe-sign-in\" content=\"https://halqe-1.auth.eu-west-1.amazoncognito.com\">",
                "<meta name=\"halqe-client\" content=\"client-123\">", "<div id=\"app\">")
                .doesNotContain("<script>", "case-42");
        // AND it may run its own files only, frame its own pages (a survey's preview), talk to itself and the token
        // endpoint, be framed by no one, and send no referrer (the callback's address carries the code)
        String policy = page.getHeaders().get("content-security-policy");
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "style-src 'self';", "frame-src 'self';",
                "connect-src 'self' https://halqe-1.auth.eu-west-1.amazoncognito.com;", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "nonce");
        assertThat(page.getHeaders()).containsEntry("referrer-policy", "no-referrer")
                .containsEntry("cache-control", "no-store");
    }

    @Test
    void assets_shouldBeServedWithTheirTypeAndForever_andNothingBesideThem() {
        // GIVEN the script the page loads
        Matcher script = SCRIPT.matcher(pages.serve("/console/").getBody());
        assertThat(script.find()).isTrue();
        // WHEN it is asked for THEN it is JavaScript, cached for a year (its name changes with its content)
        APIGatewayV2HTTPResponse asset = pages.serve(script.group(1));
        assertThat(asset.getStatusCode()).isEqualTo(200);
        assertThat(asset.getHeaders()).containsEntry("content-type", "text/javascript; charset=utf-8")
                .containsEntry("cache-control", "public, max-age=31536000, immutable");
        assertThat(asset.getBody()).contains("/oauth2/token");
        // AND a file that is not there, or a path out of the assets, is not found
        for (String path : new String[] {"/console/assets/missing-abc.js", "/console/assets/../index.html",
                "/console/assets/index.html", "/console/cases/<script>alert(1)</script>", "/console/cases/a/../../x"}) {
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
        assertThat(page.getBody()).contains("no sign-in set up");
    }

    @Test
    void bundle_shouldStayUnder300KbGzipped_scriptAndStylesTogether() throws Exception {
        // GIVEN every file the console's page loads
        java.util.regex.Matcher loaded = Pattern.compile("(?:src|href)=\"(/console/assets/[^\"]+)\"")
                .matcher(pages.serve("/console/").getBody());
        long gzipped = 0;
        int files = 0;
        while (loaded.find()) {
            // WHEN each is gzipped as a CDN or browser would fetch it
            var body = pages.serve(loaded.group(1)).getBody();
            var squeezed = new java.io.ByteArrayOutputStream();
            try (var gzip = new java.util.zip.GZIPOutputStream(squeezed)) {
                gzip.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            gzipped += squeezed.size();
            files++;
        }
        // THEN the script and its styles together stay within the budget
        assertThat(files).isGreaterThanOrEqualTo(2);
        assertThat(gzipped).as("the console's first load, gzipped").isLessThan(300 * 1024);
    }
}
