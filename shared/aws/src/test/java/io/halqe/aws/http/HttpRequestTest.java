package io.halqe.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.json.Json;
import io.halqe.aws.json.JsonStreams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    private static final Path EVENTS = Path.of(System.getProperty("halqe.repoRoot", "../.."), "events");

    @Test
    void requestReadAsPlainValues_shouldEqualTheOneReadThroughTheEventClass_forEverySampleRequest() throws IOException {
        // GIVEN every sample HTTP API request in events/, and one with nulls and mixed-case headers
        List<JsonNode> requests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EVENTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode event = Json.MAPPER.readTree(file.toFile());
                if (event.has("requestContext") && event.path("requestContext").has("http")) {
                    requests.add(event);
                }
            }
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(5);
        ObjectNode odd = requests.get(0).deepCopy();
        odd.putObject("headers").put("X-Mixed-Case", "kept").putNull("gone");
        odd.putNull("queryStringParameters");
        odd.remove("rawPath");
        odd.put("isBase64Encoded", true);
        requests.add(odd);
        for (JsonNode event : requests) {
            // WHEN it is read as plain values (the streaming core) and through the event class
            HttpRequest fromTree = plain(event);
            HttpRequest fromClass = HttpRequest.of(Json.MAPPER.treeToValue(event, APIGatewayV2HTTPEvent.class));
            // THEN both are the same request
            assertThat(fromTree).as("%s", event.path("routeKey")).isEqualTo(fromClass);
        }
        assertThat(plain(odd).header("x-mixed-case")).contains("kept");
        assertThat(plain(odd).base64Encoded()).isTrue();
    }

    private static HttpRequest plain(JsonNode event) throws IOException {
        return HttpRequest.of(JsonStreams.readObject(event.toString()));
    }
}
