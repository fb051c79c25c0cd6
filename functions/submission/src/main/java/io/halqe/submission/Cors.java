package io.halqe.submission;

import io.halqe.aws.http.HttpRequest;
import io.halqe.domain.survey.Survey;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-origin access per survey: only the survey's allowed origins may read its definition or post answers from
 * another site. Requests without an Origin (no-JS forms of old browsers, server-side callers) and same-origin ones
 * are not cross-origin.
 */
final class Cors {

    static final String ALLOWED_HEADERS = "content-type, idempotency-key";

    private Cors() {
    }

    sealed interface Access {
        record NotCrossOrigin() implements Access {
        }

        record Allowed(Map<String, String> headers) implements Access {
        }

        record Refused(String origin) implements Access {
        }
    }

    static Access check(Survey survey, HttpRequest request) {
        Optional<String> origin = request.header("origin").filter(value -> !value.isBlank());
        if (origin.isEmpty() || isSameOrigin(origin.get(), request)) {
            return new Access.NotCrossOrigin();
        }
        if (!survey.allowsOrigin(origin.get())) {
            return new Access.Refused(origin.get());
        }
        // (Retry-After of a 429 is not one of the headers a page may read without being told)
        return new Access.Allowed(Map.of("access-control-allow-origin", origin.get(), "vary", "Origin",
                "access-control-expose-headers", "retry-after, idempotent-replayed"));
    }

    static Map<String, String> headers(Access access) {
        return access instanceof Access.Allowed allowed ? allowed.headers() : Map.of();
    }

    private static boolean isSameOrigin(String origin, HttpRequest request) {
        String host = request.header("host").orElse(null);
        return host != null && (origin.equals("https://" + host) || origin.equals("http://" + host));
    }
}
