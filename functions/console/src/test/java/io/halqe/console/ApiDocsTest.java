package io.halqe.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

class ApiDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiDocs docs = new ApiDocs();

    @Test
    void description_shouldBeTheRepositorysOpenapiYamlAsJson_whenAskedForAtApiOpenapiJson() throws Exception {
        // GIVEN the one source of the description, openapi.yaml at the repository's root
        Path source = Path.of(System.getProperty("halqe.repoRoot", "../.."), "openapi.yaml");
        Object yaml = new Yaml(new LoaderOptions()).load(java.nio.file.Files.readString(source));
        // WHEN the function is asked for /api/openapi.json
        APIGatewayV2HTTPResponse answer = docs.serve("/api/openapi.json");
        // THEN it is that document, as JSON
        assertThat(answer.getStatusCode()).isEqualTo(200);
        assertThat(answer.getHeaders().get("content-type")).isEqualTo("application/json");
        JsonNode served = JSON.readTree(answer.getBody());
        assertThat(served).isEqualTo(JSON.valueToTree(yaml));
        assertThat(served.path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void viewer_shouldLoadItsOwnFilesOnly_underThePolicyOfTheConsole() {
        // WHEN the viewer's page is asked for
        APIGatewayV2HTTPResponse page = docs.serve("/api/docs");
        // THEN it loads swagger-ui and its init script as files from this host, nothing inline
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("src=\"/api/docs/swagger-ui-bundle.js\"", "src=\"/api/docs/docs.js\"",
                "href=\"/api/docs/swagger-ui.css\"").doesNotContain("<style", "style=", "<script>");
        assertThat(page.getHeaders().get("content-security-policy")).contains("default-src 'none'",
                "script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http");
        // AND each file it loads is there, with its type
        assertThat(docs.serve("/api/docs/swagger-ui-bundle.js").getHeaders())
                .containsEntry("content-type", "text/javascript; charset=utf-8");
        assertThat(docs.serve("/api/docs/docs.js").getBody()).contains("/api/openapi.json");
        assertThat(docs.serve("/api/docs/swagger-ui.css").getHeaders())
                .containsEntry("content-type", "text/css; charset=utf-8");
    }

    @Test
    void viewer_shouldFindNothingElse_whenAskedForAnotherName() {
        // GIVEN names that are not the viewer's files
        for (String path : new String[] {"/api/docs/index.html", "/api/docs/../openapi.json", "/api/docs/x.js"}) {
            // WHEN asked for THEN not found, in the API's error shape
            APIGatewayV2HTTPResponse missing = docs.serve(path);
            assertThat(missing.getStatusCode()).as(path).isEqualTo(404);
            assertThat(missing.getBody()).as(path).contains("\"code\":\"not_found\"");
        }
    }
}
