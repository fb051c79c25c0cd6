package io.halqe.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import io.halqe.aws.json.Json;
import io.halqe.aws.json.JsonStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) responses; errors always carry {@code {"error":{"code","message"}}}. */
public final class HttpResponses {

    private HttpResponses() {
    }

    /**
     * The payload 2.0 answer as API Gateway reads it, fields left unset left out; written with the streaming core, so
     * an answer needs no data-binding mapper.
     */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        JsonStreams.write(output, json -> {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            writeIfSet(json, "headers", response.getHeaders());
            writeIfSet(json, "multiValueHeaders", response.getMultiValueHeaders());
            writeIfSet(json, "cookies", response.getCookies());
            writeIfSet(json, "body", response.getBody());
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        });
    }

    private static void writeIfSet(JsonGenerator json, String field, Object value) throws IOException {
        if (value != null) {
            json.writeFieldName(field);
            JsonStreams.writeValue(json, value);
        }
    }

    /** {@code body} as JSON: plain maps and lists with the streaming core, records with the data-binding mapper. */
    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        String text = JsonStreams.isPlain(body) ? JsonStreams.writePlain(body) : Json.write(body);
        return response(status, "application/json; charset=utf-8", text, Map.of());
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
        return error(status, code, message, null);
    }

    /** {@code field} names the input at fault (e.g. {@code answers.nps}), when one is. */
    public static APIGatewayV2HTTPResponse error(int status, String code, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        return json(status, Map.of("error", error));
    }

    /** The same response with more headers (CORS, replay markers). */
    public static APIGatewayV2HTTPResponse withHeaders(APIGatewayV2HTTPResponse response, Map<String, String> headers) {
        if (headers.isEmpty()) {
            return response;
        }
        Map<String, String> all = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        all.putAll(headers);
        response.setHeaders(all);
        return response;
    }

    public static APIGatewayV2HTTPResponse response(int status, String contentType, String body,
                                                    Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("content-type", contentType);
        all.put("x-content-type-options", "nosniff");
        all.put("cache-control", "no-store");
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all).withBody(body).build();
    }
}
