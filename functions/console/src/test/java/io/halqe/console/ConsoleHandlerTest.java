package io.halqe.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConsoleHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode invoke(ConsoleHandler handler, String event) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)), output,
                null);
        return JSON.readTree(output.toByteArray());
    }

    @Test
    void handler_shouldAnswerAnEmailsCaseLinkWithTheConsolesPage_withoutAnyCredential() throws Exception {
        // GIVEN the sample event of a browser following a case link: no Authorization header at all
        String event = Files.readString(Path.of(System.getProperty("halqe.repoRoot", "../.."), "events", "console",
                "get-case-page.json"));
        assertThat(JSON.readTree(event).path("headers").has("authorization")).isFalse();
        // WHEN the console function gets it
        JsonNode answer = invoke(new ConsoleHandler(new ConsolePages("https://p.auth.eu-west-1.amazoncognito.com",
                "client-9")), event);
        // THEN it is the console's page with the sign-in settings, and nothing of the case
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.at("/headers/content-type").asText()).startsWith("text/html");
        assertThat(answer.path("body").asText()).contains("<meta name=\"halqe-client\" content=\"client-9\">")
                .doesNotContain("case-demo-nps.r-1");
    }

    @Test
    void handler_shouldRefuseEventsThatAreNotHttp() {
        // GIVEN an EventBridge event, which no rule sends to the console
        String busEvent = "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"ResponseEnriched\",\"source\":\"halqe\","
                + "\"time\":\"2026-12-03T10:00:00Z\",\"detail\":{}}";
        ConsoleHandler handler = new ConsoleHandler(new ConsolePages("https://p.auth.eu-west-1.amazoncognito.com", "c"));
        // THEN it fails rather than answering it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invoke(handler, busEvent))
                .isInstanceOf(RuntimeException.class);
    }
}
