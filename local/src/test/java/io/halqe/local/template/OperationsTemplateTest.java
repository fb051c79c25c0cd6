package io.halqe.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.domain.core.Metric;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and alarms in template.yaml held to what the code emits: every metric of the functions' namespace
 * they name is a {@link Metric} (so a renamed metric fails here), under the services that count it, and every
 * function, table, queue and the HTTP API has its place.
 */
class OperationsTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final Path ROOT = SamTemplate.locate().getParent();
    private static final LocalResolver RESOLVER = new LocalResolver(TEMPLATE, Map.of("SenderEmail", "feedback@halqe.local",
            "SenderIdentity", "halqe.local", "AlertRecipients", "owner@demo.halqe.local",
            "EscalationEmail", "lead@demo.halqe.local", "AdminApiKeySha256", "ab".repeat(32)));
    /** {@code adapters.metrics("alerts")}: the service a handler counts under. */
    private static final Pattern COUNTS_AS = Pattern.compile("adapters\\.metrics\\(\"([a-z]+)\"\\)");

    /** One metric a widget or an alarm names: namespace, name and its dimensions' values. */
    private record Named(String namespace, String name, Map<String, String> dimensions) {
    }

    private static String namespace() {
        return RESOLVER.resolveString(SamTemplate.map(SamTemplate.map(TEMPLATE.globalsFunction().get("Environment"))
                .get("Variables")).get("HALQE_METRICS_NAMESPACE"));
    }

    /** Each function's module (functions/&lt;module&gt;) → the services its handlers count under. */
    private static Map<String, Set<String>> servicesByModule() throws IOException {
        Map<String, Set<String>> services = new java.util.TreeMap<>();
        for (SamTemplate.Function function : TEMPLATE.functions()) {
            Path module = ROOT.resolve(function.codeUri()).getParent().getParent();
            services.computeIfAbsent(module.getFileName().toString(), name -> new TreeSet<>()).addAll(Sources.named(module, COUNTS_AS));
        }
        return services;
    }

    /** Services of the modules whose code parks work (a stream's ParkAfterAttempts, a loop's failures counted). */
    private static Set<String> servicesThatPark() throws IOException {
        Set<String> parking = new TreeSet<>();
        for (var module : servicesByModule().entrySet()) {
            Path sources = ROOT.resolve("functions").resolve(module.getKey()).resolve("src/main/java");
            if (!Sources.named(sources, Pattern.compile("(ParkAfterAttempts|countFailures)")).isEmpty()) {
                parking.addAll(module.getValue());
            }
        }
        return parking;
    }

    private static JsonNode dashboard() throws IOException {
        var dashboards = TEMPLATE.resourcesOfType("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        String body = RESOLVER.resolveString(TEMPLATE.properties(dashboards.keySet().iterator().next()).get("DashboardBody"));
        return JSON.readTree(body);
    }

    /** The metrics of the dashboard's graphs, each row as [namespace, name, dimension, value, …, {options}]. */
    private static List<Named> graphed(JsonNode dashboard) {
        List<Named> named = new ArrayList<>();
        dashboard.get("widgets").forEach(widget -> widget.at("/properties/metrics").forEach(row -> {
            Map<String, String> dimensions = new java.util.LinkedHashMap<>();
            for (int i = 2; i + 1 < row.size() && row.get(i).isTextual(); i += 2) {
                dimensions.put(row.get(i).asText(), row.get(i + 1).asText());
            }
            named.add(new Named(row.get(0).asText(), row.get(1).asText(), dimensions));
        }));
        return named;
    }

    /** The metrics an alarm watches: its own, or those of its metric math. */
    private static List<Named> watched(String alarm) {
        Map<String, Object> properties = TEMPLATE.properties(alarm);
        List<Map<String, Object>> metrics = new ArrayList<>();
        if (properties.containsKey("MetricName")) {
            metrics.add(properties);
        }
        SamTemplate.list(properties.get("Metrics")).forEach(item -> {
            Map<String, Object> stat = SamTemplate.map(SamTemplate.map(item).get("MetricStat"));
            if (!stat.isEmpty()) {
                metrics.add(SamTemplate.map(stat.get("Metric")));
            }
        });
        return metrics.stream().map(metric -> {
            Map<String, String> dimensions = new java.util.LinkedHashMap<>();
            SamTemplate.list(metric.get("Dimensions")).forEach(d -> dimensions.put(
                    String.valueOf(SamTemplate.map(d).get("Name")), RESOLVER.resolveString(SamTemplate.map(d).get("Value"))));
            return new Named(RESOLVER.resolveString(metric.get("Namespace")), String.valueOf(metric.get("MetricName")),
                    dimensions);
        }).toList();
    }

    private static Set<String> metricNames() {
        return new TreeSet<>(Arrays.stream(Metric.values()).map(Metric::metricName).toList());
    }

    private static Set<String> valuesOf(List<Named> named, String namespace, String metric, String dimension) {
        Set<String> values = new TreeSet<>();
        named.stream().filter(n -> n.namespace().equals(namespace) && n.name().equals(metric))
                .forEach(n -> values.add(n.dimensions().get(dimension)));
        return values;
    }

    @Test
    void dashboard_shouldGraphEveryMetricTheFunctionsCount_underTheServicesThatCountThem() throws IOException {
        // GIVEN the dashboard's graphs, and the services the handlers count under
        List<Named> graphed = graphed(dashboard());
        Set<String> counting = new TreeSet<>();
        servicesByModule().values().forEach(counting::addAll);
        // THEN the functions' namespace is the one every function is given, its metrics are exactly the code's
        List<Named> ours = graphed.stream().filter(named -> named.namespace().equals(namespace())).toList();
        assertThat(namespace()).isEqualTo("Halqe/dev");
        assertThat(ours).extracting(Named::name).containsOnlyElementsOf(metricNames())
                .containsAll(metricNames());
        // AND each is graphed by the dimension the adapter writes, for services that count
        assertThat(ours).allSatisfy(named -> assertThat(named.dimensions()).containsOnlyKeys(EmfMetrics.DIMENSION)
                .extractingByKey(EmfMetrics.DIMENSION).isIn(counting));
        // AND failures and parked items for every function that parks
        assertThat(valuesOf(ours, namespace(), Metric.ITEMS_PARKED.metricName(), EmfMetrics.DIMENSION))
                .isEqualTo(servicesThatPark());
        assertThat(valuesOf(ours, namespace(), Metric.ITEMS_FAILED.metricName(), EmfMetrics.DIMENSION))
                .isEqualTo(servicesThatPark());
    }

    @Test
    void dashboard_shouldGraphEveryFunctionTableQueueAndTheHttpApi() throws IOException {
        // GIVEN the dashboard's graphs
        List<Named> graphed = graphed(dashboard());
        Set<String> functions = new TreeSet<>(TEMPLATE.functions().stream()
                .map(function -> RESOLVER.resolveString(new SamTemplate.Intrinsic("Ref", function.logicalId()))).toList());
        Set<String> tables = new TreeSet<>(TEMPLATE.tables().keySet().stream()
                .map(id -> RESOLVER.resolveString(new SamTemplate.Intrinsic("Ref", id))).toList());
        Set<String> queues = new TreeSet<>(TEMPLATE.resourcesOfType("AWS::SQS::Queue").keySet().stream()
                .map(id -> RESOLVER.resolveString(new SamTemplate.Intrinsic("Fn::GetAtt", List.of(id, "QueueName"))))
                .toList());
        String api = RESOLVER.resolveString(new SamTemplate.Intrinsic("Ref", "HttpApi"));
        // THEN every function's errors, throttles and duration; every table's throttled reads and writes; every
        // queue's depth; the HTTP API's 5xx
        for (String metric : List.of("Errors", "Throttles", "Duration")) {
            assertThat(valuesOf(graphed, "AWS/Lambda", metric, "FunctionName")).as(metric).isEqualTo(functions);
        }
        for (String metric : List.of("ReadThrottleEvents", "WriteThrottleEvents")) {
            assertThat(valuesOf(graphed, "AWS/DynamoDB", metric, "TableName")).as(metric).isEqualTo(tables);
        }
        assertThat(valuesOf(graphed, "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName")).isEqualTo(queues);
        assertThat(valuesOf(graphed, "AWS/ApiGateway", "5xx", "ApiId")).containsExactly(api);
    }

    @Test
    void alarms_shouldWatchFunctionErrorsApi5xxParkedItemsAndTheDeadLetterQueues() throws IOException {
        // GIVEN every alarm and what it watches
        Map<String, List<Named>> alarms = new java.util.LinkedHashMap<>();
        TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").keySet().forEach(id -> alarms.put(id, watched(id)));
        List<Named> all = alarms.values().stream().flatMap(List::stream).toList();
        Set<String> functions = new TreeSet<>(TEMPLATE.functions().stream()
                .map(function -> RESOLVER.resolveString(new SamTemplate.Intrinsic("Ref", function.logicalId()))).toList());
        // THEN the two queue alarms are kept, and one alarm each watches every function's errors, the HTTP API's
        // 5xx against its requests, and what every parking function parks
        assertThat(alarms).containsKeys("EventDeliveryDlqAlarm", "StreamFailuresAlarm", "FunctionErrorsAlarm",
                "Api5xxAlarm", "ParkedItemsAlarm");
        assertThat(valuesOf(alarms.get("FunctionErrorsAlarm"), "AWS/Lambda", "Errors", "FunctionName")).isEqualTo(functions);
        assertThat(alarms.get("Api5xxAlarm")).extracting(Named::name).containsExactlyInAnyOrder("5xx", "Count");
        assertThat(valuesOf(alarms.get("ParkedItemsAlarm"), namespace(), Metric.ITEMS_PARKED.metricName(),
                EmfMetrics.DIMENSION)).isEqualTo(servicesThatPark());
        // AND every metric an alarm names in the functions' namespace is one the code emits
        assertThat(all).filteredOn(named -> named.namespace().startsWith("Halqe"))
                .allSatisfy(named -> assertThat(named.namespace()).isEqualTo(namespace()))
                .extracting(Named::name).isSubsetOf(metricNames());
        // AND the dashboard shows every alarm's state
        Set<String> shown = new TreeSet<>();
        dashboard().get("widgets").forEach(widget -> widget.at("/properties/alarms").forEach(arn -> shown.add(arn.asText())));
        assertThat(shown).hasSameSizeAs(alarms.keySet()).allSatisfy(arn -> assertThat(alarms.keySet())
                .anySatisfy(id -> assertThat(arn).contains(id)));
    }
}
