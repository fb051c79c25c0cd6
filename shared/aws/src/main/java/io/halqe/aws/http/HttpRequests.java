package io.halqe.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading API Gateway HTTP API (payload 2.0) requests. */
public final class HttpRequests {

    private HttpRequests() {
    }

    /** API Gateway lower-cases header names; tests and other callers may not. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return headers.entrySet().stream().filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }

    public static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(params -> params.get(name));
    }

    public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    }

    public static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return "";
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                : event.getBody();
    }

    public static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
    }

    public static String path(APIGatewayV2HTTPEvent event) {
        return event.getRawPath() != null ? event.getRawPath() : event.getRequestContext().getHttp().getPath();
    }

    /** When API Gateway received the request: the time the function acts on. */
    public static Instant receivedAt(APIGatewayV2HTTPEvent event) {
        long epochMillis = event.getRequestContext().getTimeEpoch();
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : Instant.now();
    }
}
