package io.halqe.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpResponses;
import io.halqe.domain.text.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code GET /console/{proxy+}}: the console (built from {@code console/} into this function's jar). Its hashed
 * script and style at {@code /console/assets/…}, and for every page path ({@code /console/cases/{id}} from an email,
 * {@code /console/callback} from the sign-in) the one page that loads them, with the managed login's address and the
 * console's client id added. The page carries no data: its script signs the reader in (authorization code with
 * PKCE) and reads through {@code /console/api/…}, where the JWT authorizer and the caller's role and teams decide.
 * The route has no authorizer: a browser following an email's link carries no token yet.
 */
final class ConsolePages {

    private static final String ROOT = "/io/halqe/console/";
    private static final Pattern ASSET = Pattern.compile("/console/assets/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern PAGE = Pattern.compile("/console(/[A-Za-z0-9._:-]+)*/?");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "woff2", "font/woff2");

    private final String signInUrl;
    private final String clientId;
    private final String page;
    private final Map<String, String> assets = new ConcurrentHashMap<>();

    /** {@code signInUrl}: the user pool's managed login ({@code https://<prefix>.auth.<region>.amazoncognito.com}). */
    ConsolePages(String signInUrl, String clientId) {
        this.signInUrl = blank(signInUrl) ? null : signInUrl.replaceAll("/+$", "");
        this.clientId = blank(clientId) ? null : clientId;
        String built = text(ROOT + "index.html")
                .orElseThrow(() -> new IllegalStateException("the api jar lacks the console (" + ROOT + "index.html)"));
        this.page = built.replace("</head>", "<meta name=\"halqe-sign-in\" content=\""
                + Html.escape(this.signInUrl == null ? "" : this.signInUrl) + "\"><meta name=\"halqe-client\" content=\""
                + Html.escape(this.clientId == null ? "" : this.clientId) + "\"></head>");
    }

    APIGatewayV2HTTPResponse serve(String path) {
        if (ASSET.matcher(path).matches()) {
            String extension = path.substring(path.lastIndexOf('.') + 1);
            Optional<String> asset = TYPES.containsKey(extension) ? asset(path) : Optional.empty();
            return asset.map(body -> HttpResponses.response(200, TYPES.get(extension), body,
                            // hashed names: a new build is a new name
                            Map.of("cache-control", "public, max-age=31536000, immutable")))
                    .orElseGet(ConsolePages::notFound);
        }
        if (!PAGE.matcher(path).matches() || path.contains("..")) {
            return notFound();
        }
        if (signInUrl == null || clientId == null) {
            return HttpResponses.response(503, "text/plain; charset=utf-8", "This deployment has no sign-in set up "
                    + "(HALQE_SIGN_IN_URL, HALQE_CONSOLE_CLIENT_ID).", Map.of());
        }
        return HttpResponses.response(200, "text/html; charset=utf-8", page, Map.of(
                "content-security-policy", "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'; connect-src 'self' "
                        + signInUrl + "; img-src 'self' data:; font-src 'self'; form-action 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'",
                // the callback's address carries the sign-in code: it goes to no other site
                "referrer-policy", "no-referrer"));
    }

    /** A file of the build, kept once read; a name that is none is not kept (any name can be asked for). */
    private Optional<String> asset(String path) {
        String kept = assets.get(path);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<String> read = text(ROOT + path.substring("/console/".length()));
        read.ifPresent(body -> assets.put(path, body));
        return read;
    }

    private static APIGatewayV2HTTPResponse notFound() {
        return HttpResponses.response(404, "text/plain; charset=utf-8", "There is no such page in the console.",
                Map.of());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<String> text(String resource) {
        try (InputStream in = ConsolePages.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
