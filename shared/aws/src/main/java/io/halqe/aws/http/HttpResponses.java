package io.halqe.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) responses; errors always carry {@code {"error":{"code","message"}}}. */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json; charset=utf-8", Json.write(body), Map.of());
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return json(status, Map.of("error", error));
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
