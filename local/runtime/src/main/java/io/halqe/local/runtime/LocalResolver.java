package io.halqe.local.runtime;

import io.halqe.local.runtime.SamTemplate.Intrinsic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a template's intrinsics to local values. Resources are named {@code <prefix>-<LogicalId>} (tables,
 * queues, functions); resources whose template gives them a name ({@code Name}, {@code TopicName}) get that name
 * resolved with {@code Stage} = {@code local}, so with the default prefix {@code halqe-local} the bus and the
 * configuration set are {@code halqe-local} and the topic {@code halqe-team-alerts-local}. Parameters resolve to the
 * supplied value, else the default.
 */
public final class LocalResolver {

    public static final String DEFAULT_PREFIX = "halqe-local";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final SamTemplate template;
    private final String prefix;
    private final Map<String, String> parameterValues;
    private final Map<String, String> resourceNameOverrides = new HashMap<>();

    public LocalResolver(SamTemplate template, Map<String, String> parameterValues) {
        this(template, DEFAULT_PREFIX, parameterValues);
    }

    public LocalResolver(SamTemplate template, String prefix, Map<String, String> parameterValues) {
        this.template = template;
        this.prefix = prefix;
        this.parameterValues = Map.copyOf(parameterValues);
    }

    public String prefix() {
        return prefix;
    }

    /** The value of a parameter: the supplied one, else the template's default. */
    public String parameter(String name) {
        String supplied = parameterValues.get(name);
        if (supplied != null) {
            return supplied;
        }
        SamTemplate.Parameter parameter = template.parameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("no parameter " + name + " in the template");
        }
        return parameter.defaultValue().orElseThrow(
                () -> new IllegalArgumentException("parameter " + name + " has no default and no value was given"));
    }

    /** The physical name of a table (or any unnamed resource). */
    public String tableName(String logicalId) {
        return physicalName(logicalId);
    }

    /** Every table's physical name by logical id. */
    public Map<String, String> tableNames() {
        Map<String, String> names = new LinkedHashMap<>();
        template.tables().keySet().forEach(id -> names.put(id, tableName(id)));
        return names;
    }

    public String secretArn(String logicalId) {
        return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + physicalName(logicalId);
    }

    public String topicArn(String logicalId) {
        return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topicName(logicalId);
    }

    public String topicName(String logicalId) {
        return namedProperty(logicalId, "TopicName");
    }

    public String eventBusName(String logicalId) {
        return namedProperty(logicalId, "Name");
    }

    public String functionName(String logicalId) {
        return physicalName(logicalId);
    }

    /** Resolves every intrinsic inside the value (maps and lists are copied). */
    public Object resolve(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return resolveIntrinsic(intrinsic.fn(), intrinsic.argument());
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return resolveIntrinsic(key, only.getValue());
                }
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, item) -> resolved.put(String.valueOf(key), resolve(item)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(item -> resolved.add(resolve(item)));
            return resolved;
        }
        return value;
    }

    /** Resolves the value to a string ({@code null} stays {@code null}). */
    public String resolveString(Object value) {
        Object resolved = resolve(value);
        return resolved == null ? null : String.valueOf(resolved);
    }

    /** Resolves every value of a map of strings, e.g. an Environment.Variables. */
    public Map<String, String> resolveStrings(Map<String, Object> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        values.forEach((key, value) -> resolved.put(key, resolveString(value)));
        return resolved;
    }

    public boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition " + name + " in the template");
        }
        return truthy(resolve(definition));
    }

    private Object resolveIntrinsic(String fn, Object argument) {
        return switch (fn) {
            case "Ref" -> {
                String name = String.valueOf(resolve(argument));
                SamTemplate.Parameter parameter = template.parameters().get(name);
                // a CommaDelimitedList parameter is a list where it is used, as in CloudFormation
                yield parameter != null && "CommaDelimitedList".equals(parameter.type())
                        ? java.util.Arrays.stream(parameter(name).split(",")).map(String::strip).toList() : ref(name);
            }
            case "Fn::GetAtt" -> {
                List<Object> parts = SamTemplate.list(argument instanceof String s ? List.of(s.split("\\.", 2)) : argument);
                yield getAtt(String.valueOf(resolve(parts.get(0))), String.valueOf(resolve(parts.get(1))));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<Object> parts = SamTemplate.list(argument);
                String delimiter = String.valueOf(resolve(parts.get(0)));
                List<String> values = SamTemplate.list(resolve(parts.get(1))).stream().map(String::valueOf).toList();
                yield String.join(delimiter, values);
            }
            case "Fn::Select" -> {
                List<Object> parts = SamTemplate.list(argument);
                int index = Integer.parseInt(String.valueOf(resolve(parts.get(0))));
                yield SamTemplate.list(resolve(parts.get(1))).get(index);
            }
            case "Fn::Split" -> {
                List<Object> parts = SamTemplate.list(argument);
                yield List.of(String.valueOf(resolve(parts.get(1))).split(Pattern.quote(String.valueOf(resolve(parts.get(0)))), -1));
            }
            case "Fn::Equals" -> {
                List<Object> parts = SamTemplate.list(argument);
                yield Objects.equals(String.valueOf(resolve(parts.get(0))), String.valueOf(resolve(parts.get(1))));
            }
            case "Fn::Not" -> !truthy(resolve(SamTemplate.list(argument).get(0)));
            case "Fn::And" -> SamTemplate.list(argument).stream().allMatch(item -> truthy(resolve(item)));
            case "Fn::Or" -> SamTemplate.list(argument).stream().anyMatch(item -> truthy(resolve(item)));
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::If" -> {
                List<Object> parts = SamTemplate.list(argument);
                yield condition(String.valueOf(parts.get(0))) ? resolve(parts.get(1)) : resolve(parts.get(2));
            }
            case "Fn::Base64" -> java.util.Base64.getEncoder().encodeToString(
                    String.valueOf(resolve(argument)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("the local cloud does not resolve " + fn);
        };
    }

    private boolean truthy(Object value) {
        return value instanceof Boolean bool ? bool : Boolean.parseBoolean(String.valueOf(value));
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return prefix;
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + prefix + "/local";
            case "AWS::NoValue":
                return null;
            default:
                break;
        }
        if (template.parameters().containsKey(name)) {
            return parameter(name);
        }
        String type = template.resourceType(name)
                .orElseThrow(() -> new IllegalArgumentException("!Ref " + name + ": no such parameter or resource"));
        return switch (type) {
            case "AWS::DynamoDB::Table" -> tableName(name);
            case "AWS::SNS::Topic" -> topicArn(name);
            case "AWS::Events::EventBus" -> eventBusName(name);
            case "AWS::SES::ConfigurationSet" -> namedProperty(name, "Name");
            case "AWS::SQS::Queue" -> "http://localhost/" + ACCOUNT + "/" + physicalName(name);
            case "AWS::SecretsManager::Secret" -> secretArn(name);
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> "local";
            case "AWS::Logs::LogGroup" -> "/aws/lambda/" + physicalName(name);
            default -> physicalName(name);
        };
    }

    private String getAtt(String logicalId, String attribute) {
        String type = template.resourceType(logicalId)
                .orElseThrow(() -> new IllegalArgumentException("!GetAtt " + logicalId + ": no such resource"));
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + tableName(logicalId);
            case "AWS::DynamoDB::Table.StreamArn" ->
                    "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + tableName(logicalId) + "/stream/local";
            case "AWS::SNS::Topic.TopicName" -> topicName(logicalId);
            case "AWS::SNS::Topic.TopicArn" -> topicArn(logicalId);
            case "AWS::Events::EventBus.Arn" ->
                    "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + eventBusName(logicalId);
            case "AWS::Events::EventBus.Name" -> eventBusName(logicalId);
            case "AWS::SQS::Queue.Arn" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + physicalName(logicalId);
            case "AWS::SQS::Queue.QueueName" -> physicalName(logicalId);
            case "AWS::SQS::Queue.QueueUrl" -> ref(logicalId);
            case "AWS::Serverless::Function.Arn" ->
                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName(logicalId);
            case "AWS::Logs::LogGroup.Arn" ->
                    "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + ref(logicalId);
            default -> "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + physicalName(logicalId) + "/" + attribute;
        };
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = SamTemplate.map(list.size() > 1 ? list.get(1) : null);
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String value;
            if (variables.containsKey(name)) {
                value = resolveString(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                String[] parts = name.split("\\.", 2);
                value = getAtt(parts[0], parts[1]);
            } else {
                value = ref(name);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(result);
        // ${!Literal} is written as ${Literal}
        return result.toString().replace("${!", "${");
    }

    /** A name property (Name, TopicName) resolved with Stage = local; else the physical name. */
    private String namedProperty(String logicalId, String property) {
        String cached = resourceNameOverrides.get(logicalId);
        if (cached != null) {
            return cached;
        }
        Object raw = template.properties(logicalId).get(property);
        String name;
        if (raw == null) {
            name = physicalName(logicalId);
        } else {
            Map<String, String> localParameters = new HashMap<>(parameterValues);
            localParameters.put("Stage", "local");
            name = new LocalResolver(template, prefix, localParameters).resolveString(raw);
        }
        resourceNameOverrides.put(logicalId, name);
        return name;
    }

    private String physicalName(String logicalId) {
        return prefix + "-" + logicalId;
    }
}
