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

    /**
     * The body as text. Bytes that are not UTF-8 are refused rather than silently replaced, so nothing mangled is
     * stored: API Gateway passes such bodies base64-encoded, or with U+FFFD where it replaced them.
     */
    public static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return "";
        }
        if (!event.getIsBase64Encoded()) {
            if (event.getBody().indexOf('\uFFFD') >= 0) {
                throw new MalformedBodyException("the body is not valid UTF-8");
            }
            return event.getBody();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(event.getBody());
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw new MalformedBodyException("the body is not valid UTF-8");
        }
    }

    /** Size of the body as sent, before decoding. */
    public static int bodyLength(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return 0;
        }
        return event.getIsBase64Encoded() ? event.getBody().length() / 4 * 3
                : event.getBody().getBytes(StandardCharsets.UTF_8).length;
    }

    public static final class MalformedBodyException extends IllegalArgumentException {
        public MalformedBodyException(String message) {
            super(message);
        }
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
