package io.halqe.local.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.halqe.local.runtime.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's openapi.yaml, read for the tests: its operations by route key ({@code GET /api/cases}, the
 * template's spelling; API Gateway's {@code x-amazon-apigateway-any-method} is {@code ANY}), and an answer held to
 * what it describes for that operation and status.
 */
public final class ApiDescription {

    static final String ANY = "x-amazon-apigateway-any-method";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace", ANY);
    /** Where the document's own {@code #/components/...} references resolve. */
    private static final String DOCUMENT_URI = "https://halqe.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ApiDescription repository;

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

    ApiDescription(JsonNode document) {
        this.document = document;
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_URI, document.toString())));
    }

    /** openapi.yaml at the repository's root, read once per JVM. */
    public static ApiDescription repository() {
        if (repository == null) {
            repository = new ApiDescription(JSON.valueToTree(new Yaml(new LoaderOptions()).load(text(file()))));
        }
        return repository;
    }

    public static Path file() {
        return SamTemplate.locate().getParent().resolve("openapi.yaml");
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation as a route key, {@code METHOD /path}. */
    public Set<String> routeKeys() {
        Set<String> keys = new LinkedHashSet<>();
        document.path("paths").properties().forEach(path -> METHODS.forEach(method -> {
            if (path.getValue().has(method)) {
                keys.add(routeMethod(method) + " " + path.getKey());
            }
        }));
        return keys;
    }

    /** The operation of {@code METHOD /path}, as the template names routes. */
    public Optional<JsonNode> operation(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        String method = parts[0].equals("ANY") ? ANY : parts[0].toLowerCase(Locale.ROOT);
        JsonNode operation = document.path("paths").path(parts[1]).path(method);
        return operation.isObject() ? Optional.of(operation) : Optional.empty();
    }

    /**
     * The operation a concrete {@code path} reaches, matched as API Gateway matches: the template with the most
     * literal segments wins ({@code /api/surveys/preview} over {@code /api/surveys/{surveyId}}).
     */
    public Optional<String> routeOf(String method, String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> templates = document.path("paths").fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length || operation(method + " " + template).isEmpty()) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                boolean parameter = parts[i].startsWith("{") && parts[i].endsWith("}") && !parts[i].endsWith("+}");
                matches = parameter ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
                literals += parameter ? 0 : 1;
            }
            if (matches && literals > bestLiterals) {
                best = method + " " + template;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The response described for {@code status}: the code itself, else its range ({@code 5XX}), else the default. */
    public Optional<JsonNode> response(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        for (String key : List.of(Integer.toString(status), status / 100 + "XX", "default")) {
            if (responses.has(key)) {
                return Optional.of(resolve(responses.get(key)));
            }
        }
        return Optional.empty();
    }

    /** A {@code $ref} within this document followed (once: components do not refer to components of their kind). */
    public JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#/") ? document.at(ref.asText().substring(1)) : node;
    }

    /** What is wrong with {@code body} by {@code schema} (an empty list: nothing). */
    public List<String> problems(JsonNode schema, JsonNode body) {
        Schema compiledSchema = compiled.computeIfAbsent(schema, this::compile);
        List<String> problems = new ArrayList<>();
        compiledSchema.validate(body).forEach(error -> problems.add(error.toString()));
        return problems;
    }

    private Schema compile(JsonNode schema) {
        ObjectNode standalone = (ObjectNode) absoluteReferences(schema.deepCopy());
        standalone.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return schemas.getSchema(standalone);
    }

    /** {@code #/components/schemas/X} → the document's URI with that fragment, so it resolves outside the document. */
    private static JsonNode absoluteReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().asText().startsWith("#/")) {
                    field.setValue(TextNode.valueOf(DOCUMENT_URI + field.getValue().asText()));
                } else {
                    absoluteReferences(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(ApiDescription::absoluteReferences);
        }
        return node;
    }

    private static String routeMethod(String method) {
        return method.equals(ANY) ? "ANY" : method.toUpperCase(Locale.ROOT);
    }
}
