package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpResponses;
import io.halqe.domain.text.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /console/{proxy+}}: the pages a team member's browser opens before the console exists — the case an
 * email links to ({@code /console/cases/{id}}), the sign-in's return ({@code /console/callback}) and the reader's
 * open cases ({@code /console/cases}). They carry no data: their script signs the reader in (authorization code with PKCE, at the
 * user pool's managed login) and reads through {@code /console/api/…} with the token, where the JWT authorizer and
 * the caller's role and teams decide what it sees.
 */
final class ConsolePages {

    /** The route in template.yaml; no authorizer, as a browser following an email link carries no token yet. */
    static final String ROUTE = "GET /console/{proxy+}";

    /** Case ids as the alerts function makes them, and no more (a path segment, nothing to escape). */
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final String SCRIPT = resource("console-pages.js");
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#1d1d1f}dt{font-weight:600}dd{margin:0 0 .6rem}"
            + "[role=alert]{color:#a40000}li{margin-bottom:.4rem}";

    private final String signInUrl;
    private final String clientId;
    private final SecureRandom random = new SecureRandom();

    /** {@code signInUrl}: the user pool's managed login ({@code https://<prefix>.auth.<region>.amazoncognito.com}). */
    ConsolePages(String signInUrl, String clientId) {
        this.signInUrl = blank(signInUrl) ? null : signInUrl.replaceAll("/+$", "");
        this.clientId = blank(clientId) ? null : clientId;
    }

    APIGatewayV2HTTPResponse serve(String path) {
        String view;
        String caseId = "";
        if (path.equals("/console") || path.equals("/console/") || path.equals("/console/cases")) {
            view = "home";
        } else if (path.equals("/console/callback")) {
            view = "callback";
        } else if (path.startsWith("/console/cases/") && CASE_ID.matcher(path.substring(15)).matches()) {
            view = "case";
            caseId = path.substring(15);
        } else {
            return page(404, "notfound", "", "Not found", "There is no such page in the console.");
        }
        if (signInUrl == null || clientId == null) {
            return page(503, "unconfigured", caseId, "Sign-in is not set up",
                    "This deployment has no sign-in configured (HALQE_SIGN_IN_URL, HALQE_CONSOLE_CLIENT_ID).");
        }
        return page(200, view, caseId, view.equals("case") ? "Case " + caseId : "Halqe", "Signing you in…");
    }

    private APIGatewayV2HTTPResponse page(int status, String view, String caseId, String title, String message) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
                + "<title>" + Html.escape(title)
                + " — Halqe</title><style nonce=\"" + nonce + "\">" + STYLE + "</style></head>"
                + "<body data-view=\"" + view + "\" data-case=\"" + Html.escape(caseId) + "\" data-sign-in=\""
                + Html.escape(signInUrl == null ? "" : signInUrl) + "\" data-client=\""
                + Html.escape(clientId == null ? "" : clientId) + "\"><main><h1 id=\"title\">" + Html.escape(title)
                + "</h1><div id=\"out\" aria-live=\"polite\"><p>" + Html.escape(message) + "</p></div></main>"
                + (status == 200 ? "<script nonce=\"" + nonce + "\">" + SCRIPT + "</script>" : "") + "</body></html>";
        String tokenOrigin = signInUrl == null ? "" : " " + signInUrl;
        return HttpResponses.response(status, "text/html; charset=utf-8", html, Map.of(
                "content-security-policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                        + nonce + "'; connect-src 'self'" + tokenOrigin + "; img-src 'self' data:; form-action 'none'; "
                        + "base-uri 'none'; frame-ancestors 'none'",
                // the callback's address carries the sign-in code: it goes to no other site
                "referrer-policy", "no-referrer"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String resource(String name) {
        try (InputStream in = ConsolePages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the api jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
