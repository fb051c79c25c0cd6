package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.halqe.aws.http.HttpRequests;
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

    static Access check(Survey survey, APIGatewayV2HTTPEvent event) {
        Optional<String> origin = HttpRequests.header(event, "origin").filter(value -> !value.isBlank());
        if (origin.isEmpty() || isSameOrigin(origin.get(), event)) {
            return new Access.NotCrossOrigin();
        }
        if (!survey.allowsOrigin(origin.get())) {
            return new Access.Refused(origin.get());
        }
        return new Access.Allowed(Map.of("access-control-allow-origin", origin.get(), "vary", "Origin"));
    }

    static Map<String, String> headers(Access access) {
        return access instanceof Access.Allowed allowed ? allowed.headers() : Map.of();
    }

    private static boolean isSameOrigin(String origin, APIGatewayV2HTTPEvent event) {
        String host = HttpRequests.header(event, "host")
                .orElse(event.getRequestContext() == null ? null : event.getRequestContext().getDomainName());
        return host != null && (origin.equals("https://" + host) || origin.equals("http://" + host));
    }
}
