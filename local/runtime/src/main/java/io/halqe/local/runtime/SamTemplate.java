package io.halqe.local.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * template.yaml as data: parameters, Globals.Function, the functions with their events, the tables, the bus and the
 * topics. CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) become
 * {@link Intrinsic} values in the long form's name ({@code Ref}, {@code Fn::GetAtt}, ...); {@link LocalResolver} turns
 * them into local values.
 */
public final class SamTemplate {

    /** An intrinsic function call: {@code fn} is the long-form name ({@code Ref}, {@code Fn::Sub}, ...). */
    public record Intrinsic(String fn, Object argument) {
    }

    public record Parameter(String name, String type, Optional<String> defaultValue, List<String> allowedValues) {
    }

    /** One entry of a function's {@code Events}. Properties are raw (intrinsics unresolved). */
    public record Event(String name, String type, Map<String, Object> properties) {

        public Optional<Object> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }
    }

    /**
     * One {@code AWS::Serverless::Function}. {@code environment} is Globals.Function.Environment.Variables merged
     * with the function's own, raw; {@code properties} are the function's raw properties.
     */
    public record Function(String logicalId, String handler, String codeUri, Map<String, Object> environment,
                           Object policies, List<Event> events, Map<String, Object> properties) {

        public List<Event> events(String type) {
            return events.stream().filter(event -> event.type().equals(type)).toList();
        }

        /** The handler's class name ({@code pkg.Class} of {@code pkg.Class::handleRequest}). */
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    public record KeyElement(String attributeName, String keyType) {
    }

    public record Gsi(String indexName, List<KeyElement> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }

    /** One {@code AWS::DynamoDB::Table}; {@code streamViewType} is empty when the table has no stream. */
    public record Table(String logicalId, List<KeyElement> keySchema, Map<String, String> attributeDefinitions,
                        List<Gsi> globalSecondaryIndexes, Optional<String> streamViewType,
                        Optional<String> timeToLiveAttribute) {

        /** The CreateTableRequest that builds this table on demand (PAY_PER_REQUEST) under the given name. */
        public CreateTableRequest createTableRequest(String tableName) {
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(keys(keySchema))
                    .attributeDefinitions(attributeDefinitions.entrySet().stream()
                            .map(entry -> AttributeDefinition.builder()
                                    .attributeName(entry.getKey()).attributeType(entry.getValue()).build())
                            .toList());
            if (!globalSecondaryIndexes.isEmpty()) {
                request.globalSecondaryIndexes(globalSecondaryIndexes.stream()
                        .map(gsi -> {
                            Projection.Builder projection = Projection.builder().projectionType(gsi.projectionType());
                            if (!gsi.nonKeyAttributes().isEmpty()) {
                                projection.nonKeyAttributes(gsi.nonKeyAttributes());
                            }
                            return GlobalSecondaryIndex.builder()
                                    .indexName(gsi.indexName())
                                    .keySchema(keys(gsi.keySchema()))
                                    .projection(projection.build())
                                    .build();
                        })
                        .toList());
            }
            streamViewType.ifPresent(view -> request.streamSpecification(
                    StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
            return request.build();
        }

        private static List<KeySchemaElement> keys(List<KeyElement> elements) {
            return elements.stream()
                    .map(element -> KeySchemaElement.builder()
                            .attributeName(element.attributeName()).keyType(element.keyType()).build())
                    .toList();
        }
    }

    public static final String REPO_ROOT_PROPERTY = "halqe.repoRoot";

    private final Path path;
    private final Map<String, Object> root;

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    /** The repository's template.yaml: {@code -Dhalqe.repoRoot}, else found walking up from the working directory. */
    public static SamTemplate load() {
        return load(locate());
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return parse(null, new java.io.StringReader(yaml));
    }

    private static SamTemplate parse(Path file, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        Object loaded = new Yaml(new CloudFormationConstructor(options)).load(reader);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a template: " + file);
        }
        return new SamTemplate(file, cast(map));
    }

    public static Path locate() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
            return Path.of(configured, "template.yaml");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("functions"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find template.yaml above " + Path.of("").toAbsolutePath()
                + "; set -D" + REPO_ROOT_PROPERTY);
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    public Map<String, Object> raw() {
        return root;
    }

    public Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        map(root.get("Parameters")).forEach((name, value) -> {
            Map<String, Object> definition = map(value);
            List<String> allowed = list(definition.get("AllowedValues")).stream().map(String::valueOf).toList();
            parameters.put(name, new Parameter(name, String.valueOf(definition.getOrDefault("Type", "String")),
                    Optional.ofNullable(definition.get("Default")).map(String::valueOf), allowed));
        });
        return parameters;
    }

    public Map<String, Object> conditions() {
        return map(root.get("Conditions"));
    }

    public Map<String, Object> globalsFunction() {
        return map(map(root.get("Globals")).get("Function"));
    }

    /** Resources by logical id, in template order. */
    public Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((id, value) -> resources.put(id, map(value)));
        return resources;
    }

    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                matching.put(id, resource);
            }
        });
        return matching;
    }

    public Optional<String> resourceType(String logicalId) {
        return Optional.ofNullable(resources().get(logicalId)).map(resource -> (String) resource.get("Type"));
    }

    public Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("no resource " + logicalId + " in the template");
        }
        return map(resource.get("Properties"));
    }

    public List<Function> functions() {
        Map<String, Object> globalEnvironment = map(map(globalsFunction().get("Environment")).get("Variables"));
        List<Function> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, Object> environment = new LinkedHashMap<>(globalEnvironment);
            environment.putAll(map(map(properties.get("Environment")).get("Variables")));
            List<Event> events = new ArrayList<>();
            map(properties.get("Events")).forEach((name, value) -> {
                Map<String, Object> event = map(value);
                events.add(new Event(name, String.valueOf(event.get("Type")), map(event.get("Properties"))));
            });
            functions.add(new Function(id, (String) properties.get("Handler"), (String) properties.get("CodeUri"),
                    environment, properties.get("Policies"), List.copyOf(events), properties));
        });
        return functions;
    }

    public Function function(String logicalId) {
        return functions().stream().filter(function -> function.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
    }

    public Map<String, Table> tables() {
        Map<String, Table> tables = new LinkedHashMap<>();
        resourcesOfType("AWS::DynamoDB::Table").forEach((id, resource) -> {
            Map<String, Object> properties = map(resource.get("Properties"));
            Map<String, String> attributes = new LinkedHashMap<>();
            list(properties.get("AttributeDefinitions")).forEach(item -> {
                Map<String, Object> definition = map(item);
                attributes.put((String) definition.get("AttributeName"), (String) definition.get("AttributeType"));
            });
            List<Gsi> gsis = list(properties.get("GlobalSecondaryIndexes")).stream().map(item -> {
                Map<String, Object> gsi = map(item);
                Map<String, Object> projection = map(gsi.get("Projection"));
                return new Gsi((String) gsi.get("IndexName"), keys(gsi.get("KeySchema")),
                        String.valueOf(projection.getOrDefault("ProjectionType", "ALL")),
                        list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
            }).toList();
            Optional<String> stream = Optional.ofNullable(map(properties.get("StreamSpecification")).get("StreamViewType"))
                    .map(String::valueOf);
            Optional<String> ttl = Optional.ofNullable(map(properties.get("TimeToLiveSpecification")).get("AttributeName"))
                    .map(String::valueOf);
            tables.put(id, new Table(id, keys(properties.get("KeySchema")), attributes, gsis, stream, ttl));
        });
        return tables;
    }

    /** Logical id of the (first) {@code AWS::Events::EventBus}. */
    public Optional<String> eventBus() {
        return resourcesOfType("AWS::Events::EventBus").keySet().stream().findFirst();
    }

    /** Logical ids of the {@code AWS::SNS::Topic}s. */
    public List<String> topics() {
        return List.copyOf(resourcesOfType("AWS::SNS::Topic").keySet());
    }

    private static List<KeyElement> keys(Object keySchema) {
        return list(keySchema).stream().map(item -> {
            Map<String, Object> element = map(item);
            return new KeyElement((String) element.get("AttributeName"), (String) element.get("KeyType"));
        }).toList();
    }

    // ------------------------------------------------------------------------------------------ raw data helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The value as a map; an absent value is an empty map. */
    public static Map<String, Object> map(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return cast(map);
        }
        throw new IllegalArgumentException("expected a mapping, found " + value);
    }

    /** The value as a list; an absent value is an empty list, a single value a list of one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        return List.of(value);
    }

    @Override
    public String toString() {
        return "SamTemplate[" + Objects.requireNonNullElse(path, "<string>") + "]";
    }

    // ------------------------------------------------------------------------------------------ yaml tags

    private static final class CloudFormationConstructor extends SafeConstructor {

        private static final Map<String, String> TAGS = Map.ofEntries(
                Map.entry("!Ref", "Ref"),
                Map.entry("!Condition", "Condition"),
                Map.entry("!GetAtt", "Fn::GetAtt"),
                Map.entry("!Sub", "Fn::Sub"),
                Map.entry("!Join", "Fn::Join"),
                Map.entry("!Select", "Fn::Select"),
                Map.entry("!Split", "Fn::Split"),
                Map.entry("!If", "Fn::If"),
                Map.entry("!Equals", "Fn::Equals"),
                Map.entry("!Not", "Fn::Not"),
                Map.entry("!And", "Fn::And"),
                Map.entry("!Or", "Fn::Or"),
                Map.entry("!FindInMap", "Fn::FindInMap"),
                Map.entry("!GetAZs", "Fn::GetAZs"),
                Map.entry("!ImportValue", "Fn::ImportValue"),
                Map.entry("!Base64", "Fn::Base64"),
                Map.entry("!Cidr", "Fn::Cidr"),
                Map.entry("!ToJsonString", "Fn::ToJsonString"),
                Map.entry("!Length", "Fn::Length"));

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((tag, fn) -> yamlConstructors.put(new Tag(tag), new IntrinsicConstruct(fn)));
        }

        private final class IntrinsicConstruct extends AbstractConstruct {
            private final String fn;

            IntrinsicConstruct(String fn) {
                this.fn = fn;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    String value = constructScalar(scalar);
                    argument = fn.equals("Fn::GetAtt") ? List.of(value.split("\\.", 2)) : value;
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(fn, argument);
            }
        }
    }
}
