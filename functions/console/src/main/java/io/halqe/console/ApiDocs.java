package io.halqe.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/openapi.json}, {@code GET /api/docs} and {@code GET /api/docs/{file}}: the HTTP API's description
 * (the repository's openapi.yaml, as JSON) and a viewer of it (swagger-ui), built by {@code console/} into this jar.
 * Served here, not by the api function, whose zip has no room; public like the description in the repository. The
 * viewer's page runs under the console's policy: its own files only, no inline script or style.
 */
final class ApiDocs {

    private static final String ROOT = "/io/halqe/apidocs/";
    /** The viewer's files: a fixed list, so no other name is ever looked up. */
    private static final Map<String, String> FILES = Map.of("swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "docs.js", "text/javascript; charset=utf-8", "swagger-ui.css", "text/css; charset=utf-8");
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final String description = text("openapi.json");
    private final String page = text("index.html");
    /** The viewer's files (2 MB), read when first asked for, not at every console page's cold start. */
    private final Map<String, String> files = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether {@code path} is one of these routes' (the rest of the function's paths are the console's). */
    static boolean serves(String path) {
        return path.equals("/api/openapi.json") || path.equals("/api/docs") || path.startsWith("/api/docs/");
    }

    APIGatewayV2HTTPResponse serve(String path) {
        if (path.equals("/api/openapi.json")) {
            // the browser (and the viewer) may keep it a few minutes: it changes with a deployment only
            return HttpResponses.response(200, "application/json", description, Map.of("cache-control", "max-age=300"));
        }
        if (path.equals("/api/docs") || path.equals("/api/docs/")) {
            return HttpResponses.response(200, "text/html; charset=utf-8", page, Map.of(
                    "content-security-policy", POLICY, "referrer-policy", "no-referrer"));
        }
        String name = path.substring("/api/docs/".length());
        return Optional.ofNullable(FILES.get(name))
                .map(type -> HttpResponses.response(200, type, files.computeIfAbsent(name, ApiDocs::text),
                        Map.of("cache-control", "max-age=300")))
                .orElseGet(() -> HttpResponses.error(404, "not_found", "There is no such file of the API's viewer.",
                        "file"));
    }

    private static String text(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console jar lacks " + ROOT + name + " (built by console/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
