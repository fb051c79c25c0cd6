package io.halqe.local;

import io.halqe.aws.http.HttpRoutes;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * template.yaml's functions made local: each becomes a {@link LocalFunction} constructed with its resolved
 * environment, pointed at the emulation, and each of its events is wired the way AWS would run it: HttpApi routes,
 * DynamoDB stream subscriptions, EventBridge rules on the bus, schedules on the scheduler. Other event types are
 * named on stdout and skipped, so a template change that the local cloud cannot run is visible at start.
 */
final class TemplateWiring {

    /** Lambda's default for asynchronous invocations when EventInvokeConfig does not set MaximumRetryAttempts. */
    private static final int DEFAULT_ASYNC_RETRIES = 2;

    /** What the template wired; its bus rules and schedules went to the cloud's bus and scheduler. */
    /** {@code routeAuthorizers}: route key → the name of the authorizer the route names ({@code Auth.Authorizer}). */
    record Wired(Map<String, LocalFunction> functions, HttpRoutes<LocalFunction> routes,
                 List<StreamSubscription> subscriptions, Map<String, String> routeAuthorizers) {
    }

    private final LocalCloud cloud;
    private final SamTemplate template;
    private final LocalResolver resolver;
    private final DynamoDbStreamsClient streams;
    private final DeadLetters deadLetters;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final HttpRoutes<LocalFunction> routes = new HttpRoutes<>();
    private final Map<String, String> routeAuthorizers = new LinkedHashMap<>();
    private final List<StreamSubscription> subscriptions = new ArrayList<>();

    private TemplateWiring(LocalCloud cloud, DynamoDbStreamsClient streams, DeadLetters deadLetters) {
        this.cloud = cloud;
        this.template = cloud.template();
        this.resolver = cloud.resolver();
        this.streams = streams;
        this.deadLetters = deadLetters;
    }

    /** Wires every function of the cloud's template; the cloud's tables, bus, scheduler and emulation must be up. */
    static Wired wire(LocalCloud cloud, DynamoDbStreamsClient streams, DeadLetters deadLetters) {
        TemplateWiring wiring = new TemplateWiring(cloud, streams, deadLetters);
        wiring.wireFunctions();
        return new Wired(Collections.unmodifiableMap(wiring.functions), wiring.routes,
                List.copyOf(wiring.subscriptions), Map.copyOf(wiring.routeAuthorizers));
    }

    private void wireFunctions() {
        Map<String, Object> globals = template.globalsFunction();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : TemplateWiring.class.getClassLoader();
        for (SamTemplate.Function definition : template.functions()) {
            Map<String, Object> properties = definition.properties();
            // resolved: a function's timeout may depend on a condition (enrichment's, on AnalyzerOn)
            Duration timeout = Duration.ofSeconds(number(resolver.resolve(properties.getOrDefault("Timeout",
                    globals.get("Timeout"))), 3));
            int memory = (int) number(properties.getOrDefault("MemorySize", globals.get("MemorySize")), 128);
            String functionName = resolver.functionName(definition.logicalId());
            LocalFunction function = LocalFunction.create(definition.logicalId(), functionName, definition.handler(),
                    environment(definition, functionName, memory), timeout, memory, loader);
            function.injectTimeouts(cloud.faults());
            function.meterInto(cloud.meter());
            functions.put(definition.logicalId(), function);
            int asyncRetries = (int) number(SamTemplate.map(properties.get("EventInvokeConfig")).get("MaximumRetryAttempts"),
                    DEFAULT_ASYNC_RETRIES);
            for (SamTemplate.Event event : definition.events()) {
                Map<String, Object> eventProperties = event.properties();
                switch (event.type()) {
                    case "HttpApi" -> {
                        String method = resolver.resolveString(eventProperties.getOrDefault("Method", "ANY"));
                        String path = resolver.resolveString(eventProperties.getOrDefault("Path", "/"));
                        routes.add(method, path, function);
                        Object authorizer = SamTemplate.map(eventProperties.get("Auth")).get("Authorizer");
                        if (authorizer != null) {
                            routeAuthorizers.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path,
                                    String.valueOf(authorizer));
                        }
                    }
                    case "DynamoDB" -> subscribe(definition, event, function);
                    case "EventBridgeRule", "CloudWatchEvent" -> {
                        Object pattern = resolver.resolve(eventProperties.get("Pattern"));
                        cloud.bus().addRule(definition.logicalId() + "." + event.name(), function,
                                pattern instanceof String text ? text : Json.write(pattern), asyncRetries);
                    }
                    case "ScheduleV2", "Schedule" -> schedule(definition, event, function, asyncRetries);
                    default -> System.out.println("[local] " + definition.logicalId() + "." + event.name()
                            + ": events of type " + event.type() + " are not emulated");
                }
            }
        }
    }

    /** A Cognito managed login domain ({@code https://<prefix>.auth.<region>.amazoncognito.com}). */
    private static final java.util.regex.Pattern COGNITO_DOMAIN =
            java.util.regex.Pattern.compile("https://[^/]+\\.auth\\.[a-z0-9-]+\\.amazoncognito\\.com/?");

    /** The template's variables resolved, plus what the Lambda runtime sets, with every AWS endpoint local. */
    private Map<String, String> environment(SamTemplate.Function definition, String functionName, int memory) {
        Map<String, String> environment = new LinkedHashMap<>();
        resolver.resolveStrings(definition.environment()).forEach((name, value) -> {
            if (value != null) {
                // the user pool's managed login is the local issuer's
                environment.put(name, COGNITO_DOMAIN.matcher(value).matches()
                        ? cloud.baseUrl() + LocalAuthPages.MANAGED_LOGIN : value);
            }
        });
        String awsEndpoint = cloud.awsEndpoint().toString();
        environment.put("AWS_REGION", LocalCloud.REGION);
        environment.put("AWS_DEFAULT_REGION", LocalCloud.REGION);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", cloud.functionsDynamoDbEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SESV2", awsEndpoint);
        environment.put("AWS_ENDPOINT_URL_SNS", awsEndpoint);
        environment.put("AWS_ENDPOINT_URL_EVENTBRIDGE", awsEndpoint);
        environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", awsEndpoint);
        environment.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", awsEndpoint);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        return environment;
    }

    private void subscribe(SamTemplate.Function definition, SamTemplate.Event event, LocalFunction function) {
        Map<String, Object> properties = event.properties();
        String tableId = streamTable(properties.get("Stream"))
                .orElseThrow(() -> new IllegalStateException(definition.logicalId() + "." + event.name()
                        + ": Stream must be !GetAtt <Table>.StreamArn"));
        String tableName = cloud.tableNames().get(tableId);
        var table = cloud.dynamoDb().describeTable(request -> request.tableName(tableName)).table();
        String streamArn = table.latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException(tableId + " has no stream (StreamSpecification)");
        }
        String partitionKey = table.keySchema().stream().filter(key -> key.keyTypeAsString().equals("HASH"))
                .findFirst().orElseThrow().attributeName();
        List<String> patterns = new ArrayList<>();
        for (Object filter : SamTemplate.list(SamTemplate.map(properties.get("FilterCriteria")).get("Filters"))) {
            Object pattern = resolver.resolve(SamTemplate.map(filter).get("Pattern"));
            patterns.add(pattern instanceof String text ? text : Json.write(pattern));
        }
        boolean reportFailures = SamTemplate.list(properties.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
        String name = definition.logicalId() + "." + event.name() + " <- " + tableId;
        StreamSubscription.Settings settings;
        try {
            settings = new StreamSubscription.Settings(patterns, (int) number(properties.get("BatchSize"), 100),
                    (int) number(properties.get("ParallelizationFactor"), 1),
                    (int) number(properties.get("MaximumRetryAttempts"), -1), reportFailures);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(name + ": " + invalid.getMessage(), invalid);
        }
        subscriptions.add(new StreamSubscription(name, function, streams, streamArn, partitionKey, settings,
                LocalCloud.REGION, deadLetters, cloud.clock()));
    }

    /** The table of {@code !GetAtt Table.StreamArn}, in its short or long form. */
    private static Optional<String> streamTable(Object stream) {
        if (stream instanceof SamTemplate.Intrinsic intrinsic && intrinsic.fn().equals("Fn::GetAtt")) {
            List<Object> parts = SamTemplate.list(intrinsic.argument());
            return Optional.of(String.valueOf(parts.get(0)));
        }
        if (stream instanceof Map<?, ?> map && map.get("Fn::GetAtt") != null) {
            Object argument = map.get("Fn::GetAtt");
            return Optional.of(argument instanceof String text ? text.split("\\.")[0]
                    : String.valueOf(SamTemplate.list(argument).get(0)));
        }
        return Optional.empty();
    }

    private void schedule(SamTemplate.Function definition, SamTemplate.Event event, LocalFunction function,
                          int asyncRetries) {
        Map<String, Object> properties = event.properties();
        String name = definition.logicalId() + "." + event.name();
        String state = resolver.resolveString(properties.get("State"));
        if ("DISABLED".equalsIgnoreCase(state) || Boolean.FALSE.equals(properties.get("Enabled"))) {
            System.out.println("[local] schedule " + name + " is disabled");
            return;
        }
        String expression = resolver.resolveString(properties.get("ScheduleExpression")
                != null ? properties.get("ScheduleExpression") : properties.get("Schedule"));
        Object input = resolver.resolve(properties.get("Input"));
        String inputText = input == null ? null : input instanceof String text ? text : Json.write(input);
        try {
            LocalScheduler.parseRate(expression);
        } catch (IllegalArgumentException unsupported) {
            System.out.println("[local] schedule " + name + " skipped: " + unsupported.getMessage());
            return;
        }
        cloud.scheduler().add(name, function, expression, inputText, asyncRetries, cloud.clock().instant());
    }

    /** A template number (YAML may give it as text); the fallback when absent or not a number. */
    private static long number(Object value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
