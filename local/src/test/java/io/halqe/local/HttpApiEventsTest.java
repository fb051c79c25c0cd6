package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload format 2.0: request events and the reading of responses. */
class HttpApiEventsTest {

    @Test
    void requestEvent_shouldHaveThePayloadV2Shape_whenBuiltFromARequest() {
        // GIVEN a form POST with repeated headers and cookies
        HttpApiEvents.Request request = new HttpApiEvents.Request("POST", "/s/demo-nps/responses", "a=1&a=2&b=x%20y",
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded"), "Cookie", List.of("k=v; m=n"),
                        "X-Forwarded-For", List.of("1.1.1.1", "2.2.2.2"), "Host", List.of("localhost:3000"),
                        "User-Agent", List.of("curl/8")),
                "score=9".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
        Instant time = Instant.parse("2026-01-02T03:04:05Z");
        // WHEN it becomes an event
        JsonNode event = HttpApiEvents.requestEvent(request, "POST /s/{surveyId}/responses",
                Map.of("surveyId", "demo-nps"), "req-1", time);
        // THEN every field is where API Gateway puts it
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /s/{surveyId}/responses");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("a=1&a=2&b=x%20y");
        assertThat(event.path("queryStringParameters").path("a").asText()).isEqualTo("1,2");
        assertThat(event.path("queryStringParameters").path("b").asText()).isEqualTo("x y");
        assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("1.1.1.1,2.2.2.2");
        assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("k=v", "m=n");
        assertThat(event.path("pathParameters").path("surveyId").asText()).isEqualTo("demo-nps");
        assertThat(event.path("body").asText()).isEqualTo("score=9");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("http").path("method").asText()).isEqualTo("POST");
        assertThat(context.path("http").path("path").asText()).isEqualTo("/s/demo-nps/responses");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("http").path("userAgent").asText()).isEqualTo("curl/8");
        assertThat(context.path("domainName").asText()).isEqualTo("localhost");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("requestId").asText()).isEqualTo("req-1");
        assertThat(context.path("time").asText()).isEqualTo("02/Jan/2026:03:04:05 +0000");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(time.toEpochMilli());
    }

    @Test
    void response_shouldReadStatusHeadersCookiesAndBase64Body_whenTheOutputIsAResponse() {
        // GIVEN a structured response with a base64 body
        String output = "{\"statusCode\":302,\"headers\":{\"Location\":\"/x\"},\"multiValueHeaders\":{\"x-a\":[\"1\",\"2\"]},"
                + "\"cookies\":[\"s=1\"],\"isBase64Encoded\":true,\"body\":\"aGk=\"}";
        // WHEN it is read
        HttpApiEvents.Response response = HttpApiEvents.response(output);
        // THEN status, headers, cookies and decoded body come out
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers()).containsEntry("location", List.of("/x")).containsEntry("x-a", List.of("1", "2"))
                .containsEntry("set-cookie", List.of("s=1"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
    }

    @Test
    void response_shouldBeA200WithTheJson_whenTheOutputIsNotAResponse() {
        // GIVEN an output without statusCode
        // WHEN it is read
        HttpApiEvents.Response response = HttpApiEvents.response("{\"ok\":true}");
        // THEN API Gateway's inference: 200, JSON body
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(response.headers()).containsEntry("content-type", List.of("application/json"));
    }
}
