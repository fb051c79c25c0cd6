package io.halqe.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.halqe.aws.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    @Test
    void write_shouldWriteWhatTheMapperWrote_forEveryKindOfAnswer() throws Exception {
        // GIVEN a JSON answer, an error with a field, a page with cookies, a base64 body and one with nothing set
        APIGatewayV2HTTPResponse withCookies = HttpResponses.response(200, "text/html; charset=utf-8",
                "<h1>سپاس</h1>", Map.of("set-cookie", "a=b"));
        withCookies.setCookies(List.of("session=1; HttpOnly"));
        withCookies.setMultiValueHeaders(Map.of("vary", List.of("origin", "accept")));
        APIGatewayV2HTTPResponse base64 = HttpResponses.response(200, "image/png", "iVBORw0KGgo=", Map.of());
        base64.setIsBase64Encoded(true);
        for (APIGatewayV2HTTPResponse response : List.of(HttpResponses.json(201, Map.of("responseId", "s.1")),
                HttpResponses.error(400, "invalid_answer", "nps must be 0 to 10", "answers.nps"), withCookies, base64,
                new APIGatewayV2HTTPResponse())) {
            // WHEN it is written with the streaming core
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            HttpResponses.write(response, written);
            // THEN it is the document the data-binding mapper wrote, fields left unset left out
            String mapper = Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .writeValueAsString(response);
            assertThat(Json.MAPPER.readTree(written.toString(StandardCharsets.UTF_8))).as(mapper)
                    .isEqualTo(Json.MAPPER.readTree(mapper));
        }
    }

    @Test
    void json_shouldWriteRecordsAndTimesAsTheMapperDoes_whenABodyIsNotPlain() {
        // GIVEN a body with a record and an instant, and a plain one
        record Item(String id, Instant at) {
        }
        Map<String, Object> withRecord = Map.of("items", List.of(new Item("a", Instant.EPOCH)));
        // WHEN each is made a JSON answer THEN its body is the mapper's text (ISO instants)
        assertThat(HttpResponses.json(200, withRecord).getBody()).isEqualTo(Json.write(withRecord))
                .contains("1970-01-01T00:00:00Z");
        assertThat(HttpResponses.json(200, Map.of("n", 1)).getBody()).isEqualTo("{\"n\":1}");
    }
}
