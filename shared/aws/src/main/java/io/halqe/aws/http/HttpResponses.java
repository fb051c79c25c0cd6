package io.halqe.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.halqe.aws.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) responses; errors always carry {@code {"error":{"code","message"}}}. */
public final class HttpResponses {

    /** The payload 2.0 answer as API Gateway reads it; fields left unset are left out. */
    private static final ObjectWriter WRITER = Json.MAPPER.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL).writer();

    private HttpResponses() {
    }

    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        WRITER.writeValue(output, response);
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json; charset=utf-8", Json.write(body), Map.of());
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
