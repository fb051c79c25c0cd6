package io.halqe.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.halqe.aws.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HTTP API (payload 2.0) request, read once from API Gateway's event: what route handlers take instead of the raw
 * event. Header names are lower-cased (API Gateway does; tests and other callers may not); {@code host} falls back
 * to the API's domain name.
 *
 * @param routeKey       the route API Gateway chose ({@code "GET /s/{surveyId}"}), or null when it is not known
 * @param pathParameters the matched route's parameters, URL-decoded
 * @param receivedAt     when API Gateway received the request: the time the function acts on
 * @param sourceIp       the client's address as API Gateway saw it (for per-source limits; never stored as such)
 */
public record HttpRequest(String method, String path, String routeKey, Map<String, String> pathParameters, Map<String, String> query,
                          Map<String, String> headers, String rawBody, boolean base64Encoded, Instant receivedAt,
                          String sourceIp) {

    public HttpRequest {
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public static HttpRequest of(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        return of(http == null ? null : http.getMethod(), event.getRawPath() != null ? event.getRawPath()
                        : http == null ? "/" : http.getPath(), event.getRouteKey(), event.getHeaders(),
                context == null ? null : context.getDomainName(), context == null ? 0 : context.getTimeEpoch(),
                event.getPathParameters(), event.getQueryStringParameters(), event.getBody(), event.getIsBase64Encoded(),
                http == null ? null : http.getSourceIp());
    }

    /**
     * The same request read from the event's JSON as plain values ({@link io.halqe.aws.json.JsonStreams}), field by
     * field: no event class's setters (a tenth of a warm submission's time went to them) and no data-binding mapper
     * (a third of a cold start's first invocation).
     */
    public static HttpRequest of(Map<String, Object> event) {
        Map<String, Object> context = object(event.get("requestContext"));
        Map<String, Object> http = object(context.get("http"));
        Object rawPath = event.get("rawPath");
        Object timeEpoch = context.get("timeEpoch");
        return of(text(http, "method"), rawPath != null ? rawPath.toString()
                        : context.get("http") instanceof Map<?, ?> ? text(http, "path") : "/", text(event, "routeKey"),
                strings(event.get("headers")), text(context, "domainName"),
                timeEpoch instanceof Number epoch ? epoch.longValue() : 0, strings(event.get("pathParameters")),
                strings(event.get("queryStringParameters")), text(event, "body"),
                Boolean.TRUE.equals(event.get("isBase64Encoded")), text(http, "sourceIp"));
    }

    private static HttpRequest of(String method, String path, String routeKey, Map<String, String> rawHeaders,
                                  String domainName, long epochMillis, Map<String, String> pathParameters,
                                  Map<String, String> query, String body, boolean base64Encoded, String sourceIp) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (rawHeaders != null) {
            rawHeaders.forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        if (domainName != null) {
            headers.putIfAbsent("host", domainName);
        }
        return new HttpRequest(method == null ? "GET" : method.toUpperCase(Locale.ROOT), path, routeKey,
                withoutNulls(pathParameters), withoutNulls(query), headers, body, base64Encoded,
                epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : Instant.now(), sourceIp == null ? "" : sourceIp);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Map<String, Object> object, String field) {
        Object value = object.get(field);
        return value == null ? null : value.toString();
    }

    /** An object's string fields (API Gateway's maps hold strings only); null when it is not an object. */
    private static Map<String, String> strings(Object value) {
        if (!(value instanceof Map<?, ?> object)) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        object.forEach((name, field) -> map.put(name.toString(), field == null ? null : field.toString()));
        return map;
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.put(name, value);
            }
        });
        return copy;
    }

    /** The same request as routed: the route it matched and that route's path parameters. */
    public HttpRequest routedTo(String matchedRouteKey, Map<String, String> parameters) {
        return new HttpRequest(method, path, matchedRouteKey, parameters, query, headers, rawBody, base64Encoded,
                receivedAt, sourceIp);
    }

    /** The same request with {@code name} set to {@code value} (replacing what the client sent under that name). */
    public HttpRequest withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name.toLowerCase(Locale.ROOT), value);
        return new HttpRequest(method, path, routeKey, pathParameters, query, changed, rawBody, base64Encoded,
                receivedAt, sourceIp);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** Size of the body as sent, before decoding. */
    public int bodyLength() {
        if (rawBody == null) {
            return 0;
        }
        return base64Encoded ? rawBody.length() / 4 * 3 : rawBody.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The body as text. Bytes that are not UTF-8 are refused rather than silently replaced, so nothing mangled is
     * stored: API Gateway passes such bodies base64-encoded, or with U+FFFD where it replaced them.
     */
    public String body() {
        if (rawBody == null) {
            return "";
        }
        if (!base64Encoded) {
            if (rawBody.indexOf('\uFFFD') >= 0) {
                throw notUtf8();
            }
            return rawBody;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(rawBody))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw notUtf8();
        }
    }

    private static HttpProblem notUtf8() {
        return new HttpProblem(400, "invalid_encoding", "the body is not valid UTF-8", null);
    }

    /**
     * The JSON body as {@code type}, at most {@code maxBytes}; a wrong shape names the field it broke on, and so does
     * an unknown field — except {@code readOnly} ones, which a GET shows and a PUT of the same body may carry back.
     */
    public <T> T json(Class<T> type, int maxBytes, String... readOnly) {
        String body = body();
        if (body.length() > maxBytes) {
            throw new HttpProblem(413, "payload_too_large", "the body must be at most " + maxBytes + " bytes", null);
        }
        try {
            T value;
            if (readOnly.length == 0) {
                value = Json.STRICT.readValue(body, type);
            } else {
                var tree = Json.STRICT.readTree(body);
                if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                    object.remove(java.util.List.of(readOnly));
                }
                value = tree == null ? null : Json.STRICT.treeToValue(tree, type);
            }
            if (value == null) {
                throw new HttpProblem(400, "invalid_json", "the body must be a JSON object", null);
            }
            return value;
        } catch (JsonMappingException wrongShape) {
            String field = wrongShape.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (wrongShape instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
                throw new HttpProblem(400, "unknown_field", field + " is not a field of this request", field);
            }
            throw new HttpProblem(400, "invalid_json", (field.isEmpty() ? "the body" : field)
                    + " has the wrong type or value", field.isEmpty() ? null : field);
        } catch (JsonProcessingException malformed) {
            throw new HttpProblem(400, "invalid_json", "the body is not valid JSON", null);
        }
    }
}
