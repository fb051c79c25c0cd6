package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /embed.js}: the dependency-free widget script, read once at init. */
final class EmbedScript {

    private static final String SCRIPT = load();

    private EmbedScript() {
    }

    static APIGatewayV2HTTPResponse serve() {
        return HttpResponses.response(200, "text/javascript; charset=utf-8", SCRIPT,
                Map.of("cache-control", "public, max-age=300", "access-control-allow-origin", "*"));
    }

    private static String load() {
        try (InputStream in = EmbedScript.class.getResourceAsStream("/embed.js")) {
            if (in == null) {
                throw new IllegalStateException("embed.js is missing from the artifact");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
