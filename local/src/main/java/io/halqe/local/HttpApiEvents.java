package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.http.FormEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** API Gateway HTTP API payload format 2.0: the request event a route's function gets, and its response. */
public final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** An HTTP request as the server saw it; header names in any case, repeated headers as several values. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp, String protocol) {
    }

    /** What to write back; header values are in order, Set-Cookie once per cookie. */
    public record Response(int statusCode, Map<String, List<String>> headers, byte[] body) {
    }

    private HttpApiEvents() {
    }

    /** What a JWT authorizer adds to the event it let through: {@code requestContext.authorizer.jwt}. */
    static void withJwtClaims(ObjectNode event, Map<String, String> claims, List<String> scopes) {
        ObjectNode jwt = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("jwt");
        ObjectNode claimNode = jwt.putObject("claims");
        claims.forEach(claimNode::put);
        ArrayNode scopeNode = jwt.putArray("scopes");
        scopes.forEach(scopeNode::add);
    }

    public static ObjectNode requestEvent(Request request, String routeKey, Map<String, String> pathParameters,
                                          String requestId, Instant time) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                });
                return;
            }
            String joined = String.join(",", values);
            headers.merge(lower, joined, (a, b) -> a + "," + b);
        });
        if (!cookies.isEmpty()) {
            ArrayNode cookieArray = event.putArray("cookies");
            cookies.forEach(cookieArray::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        context.put("domainName", domainName);
        context.put("domainPrefix", domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method().toUpperCase(Locale.ROOT));
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol() == null ? "HTTP/1.1" : request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());

        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }

        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > 0) {
            String text = isText(headers.get("content-type")) ? utf8(body) : null;
            if (text != null) {
                event.put("body", text);
                event.put("isBase64Encoded", false);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * The function's output as API Gateway reads it: an object with {@code statusCode} is a response; anything else
     * is a 200 whose JSON body is the output.
     */
    public static Response response(String outputJson) {
        JsonNode output;
        try {
            output = Json.parse(outputJson);
        } catch (IllegalArgumentException notJson) {
            return new Response(200, Map.of("content-type", List.of("application/json")),
                    outputJson.getBytes(StandardCharsets.UTF_8));
        }
        if (!(output.isObject() && output.has("statusCode"))) {
            byte[] body = output.isTextual() ? output.asText().getBytes(StandardCharsets.UTF_8)
                    : (output.isNull() ? new byte[0] : outputJson.getBytes(StandardCharsets.UTF_8));
            return new Response(200, Map.of("content-type", List.of("application/json")), body);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode single = output.path("headers");
        single.fieldNames().forEachRemaining(name ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(single.get(name).asText()));
        JsonNode multi = output.path("multiValueHeaders");
        multi.fieldNames().forEachRemaining(name -> {
            List<String> values = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>());
            multi.get(name).forEach(value -> {
                if (!values.contains(value.asText())) {
                    values.add(value.asText());
                }
            });
        });
        output.path("cookies").forEach(cookie ->
                headers.computeIfAbsent("set-cookie", key -> new ArrayList<>()).add(cookie.asText()));
        byte[] body = new byte[0];
        JsonNode bodyNode = output.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString();
            body = output.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getMimeDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        return new Response(output.path("statusCode").asInt(200), headers, body);
    }

    /** Decoded query parameters; a repeated name's values are comma-joined, as payload 2.0 does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        FormEncoding.pairs(rawQuery).forEach(pair -> parameters.merge(pair.getKey(), pair.getValue(), (a, b) -> a + "," + b));
        return parameters;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
                || type.contains("x-www-form-urlencoded") || type.contains("yaml") || type.contains("graphql");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }
}
