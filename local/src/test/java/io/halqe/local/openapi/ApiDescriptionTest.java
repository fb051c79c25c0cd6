package io.halqe.local.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.local.runtime.SamTemplate;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.yaml held to template.yaml's routes and to OpenAPI 3.1 (its answers are held by the end-to-end tests). */
class ApiDescriptionTest {

    private static final ApiDescription DESCRIPTION = ApiDescription.repository();

    @Test
    void description_shouldDescribeEveryHttpApiRoute_andNoOther() {
        // GIVEN every HttpApi event of template.yaml, as METHOD /path
        Set<String> routes = new TreeSet<>();
        SamTemplate.load().functions().forEach(function -> function.events("HttpApi").forEach(event ->
                routes.add(event.properties().get("Method") + " " + event.properties().get("Path"))));
        // WHEN the description's operations are listed the same way
        Set<String> described = new TreeSet<>(DESCRIPTION.routeKeys());
        // THEN they are the same routes: one missing either side fails, naming it
        assertThat(described).as("operations of openapi.yaml").containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void description_shouldBeValidOpenApi31_whenParsedWithItsReferencesResolved() {
        // GIVEN openapi.yaml as written
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // WHEN a maintained OpenAPI parser reads it
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(ApiDescription.text(ApiDescription.file()),
                null, options);
        // THEN it is OpenAPI 3.1 and the parser finds nothing wrong (structure, references, parameters)
        assertThat(parsed.getMessages()).as("the parser's messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getPaths()).hasSameSizeAs(DESCRIPTION.document().path("paths"));
    }

    @Test
    void everyErrorAnswer_shouldBeTheSharedErrorShape_andEveryAdminOperationNeedOneScope() {
        // GIVEN every operation's responses
        List<String> wrong = new ArrayList<>();
        for (String route : DESCRIPTION.routeKeys()) {
            JsonNode operation = DESCRIPTION.operation(route).orElseThrow();
            operation.path("responses").properties().forEach(response -> {
                String status = response.getKey();
                if (!status.startsWith("4") && !status.startsWith("5")) {
                    return;
                }
                JsonNode json = DESCRIPTION.resolve(response.getValue()).path("content").path("application/json");
                String schema = json.path("schema").path("$ref").asText();
                // WHEN an error answer is JSON THEN it is the shared Error (API Gateway's own 401 aside)
                boolean gateways = route.equals("ANY /console/api/{proxy+}") && status.equals("401");
                if (!json.isMissingNode() && !schema.equals(gateways ? "#/components/schemas/GatewayMessage"
                        : "#/components/schemas/Error")) {
                    wrong.add(route + " " + status + " is " + schema);
                }
                if (json.isMissingNode() && !route.equals("GET /console/{proxy+}")) {
                    wrong.add(route + " " + status + " has no JSON error");
                }
            });
            // AND an admin operation asks for exactly one scope of the key, as its role (OpenAPI 3.1)
            JsonNode security = operation.path("security");
            if (route.split(" ")[1].startsWith("/api/") && !route.startsWith("GET /api/openapi.json")
                    && !route.startsWith("GET /api/docs") && (security.size() != 1
                    || security.get(0).path("apiKey").size() != 1)) {
                wrong.add(route + " needs " + security);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
