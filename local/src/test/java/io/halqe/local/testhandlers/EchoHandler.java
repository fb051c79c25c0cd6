package io.halqe.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.aws.runtime.LambdaEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Echoes what it was given (typed payload 2.0 event) and the environment it was constructed with. */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, String> environment;

    public EchoHandler() {
        this.environment = LambdaEnvironment.current().variables();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getPathParameters() != null && "boom".equals(event.getPathParameters().get("id"))) {
            throw new IllegalStateException("boom");
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("routeKey", event.getRouteKey());
        echo.put("rawPath", event.getRawPath());
        echo.put("rawQueryString", event.getRawQueryString());
        echo.put("pathParameters", event.getPathParameters());
        echo.put("queryStringParameters", event.getQueryStringParameters());
        echo.put("headers", event.getHeaders());
        echo.put("cookies", event.getCookies());
        echo.put("body", event.getBody());
        echo.put("isBase64Encoded", event.getIsBase64Encoded());
        echo.put("method", event.getRequestContext().getHttp().getMethod());
        echo.put("stage", event.getRequestContext().getStage());
        echo.put("timeEpoch", event.getRequestContext().getTimeEpoch());
        echo.put("requestId", event.getRequestContext().getRequestId());
        echo.put("functionName", context.getFunctionName());
        echo.put("environment", environment);
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json", "x-echo", "yes"))
                    .withCookies(List.of("a=1; Path=/", "b=2"))
                    .withBody(MAPPER.writeValueAsString(echo))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
