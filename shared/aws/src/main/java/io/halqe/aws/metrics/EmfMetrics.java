package io.halqe.aws.metrics;

import io.halqe.aws.json.JsonStreams;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The {@link Metrics} port as CloudWatch metrics in
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">Embedded
 * Metric Format</a>: what an invocation counted is one JSON line on standard output at its end ({@link #flush}), which
 * Lambda sends to the function's log group and CloudWatch turns into metrics — no API call, no permission. Each
 * metric has one dimension, {@value #DIMENSION}, the function's name. The line is written with the project's mapper:
 * the EMF libraries (Powertools' logger, the EMF library) cost a cold start about 100 ms of their own mapper and
 * model for a document of a few hundred bytes, and a warm submission a tenth of its time. Holds no state from init
 * but the names (SnapStart restores many copies of one snapshot): the counts start empty, and each flush takes its
 * own timestamp.
 */
public final class EmfMetrics implements Metrics {

    public static final String DIMENSION = "Service";

    private final String namespace;
    private final String service;
    private final Clock clock;
    private final Consumer<String> lines;
    private final Map<Metric, LongAdder> counts = new EnumMap<>(Metric.class);

    /** {@code lines} receives each EMF document (one JSON object a line). */
    public EmfMetrics(String namespace, String service, Consumer<String> lines, Clock clock) {
        this.namespace = namespace;
        this.service = service;
        this.clock = clock;
        this.lines = lines;
        for (Metric metric : Metric.values()) {
            counts.put(metric, new LongAdder());
        }
    }

    /** On Lambda: standard output, which the function's log group (and CloudWatch's EMF extraction) reads. */
    public static EmfMetrics toStandardOutput(String namespace, String service) {
        return new EmfMetrics(namespace, service, System.out::println, Clock.systemUTC());
    }

    @Override
    public void count(Metric metric, long n) {
        counts.get(metric).add(n);
    }

    /** One invocation's work, as a handler's entry runs it. */
    @FunctionalInterface
    public interface Invocation {
        void run() throws IOException;
    }

    /** Runs an invocation, then writes what it counted, whether it succeeded or failed (failures count too). */
    public void around(Invocation invocation) throws IOException {
        try {
            invocation.run();
        } finally {
            flush();
        }
    }

    /** Writes what was counted since the last flush, if anything; an invocation that counted nothing writes nothing. */
    public void flush() {
        Map<Metric, Long> counted = new EnumMap<>(Metric.class);
        counts.forEach((metric, count) -> {
            long n = count.sumThenReset();
            if (n > 0) {
                counted.put(metric, n);
            }
        });
        if (counted.isEmpty()) {
            return;
        }
        long timestamp = clock.instant().toEpochMilli();
        lines.accept(JsonStreams.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", namespace);
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString(DIMENSION);
            json.writeEndArray();
            json.writeEndArray();
            json.writeArrayFieldStart("Metrics");
            for (Metric metric : counted.keySet()) {
                json.writeStartObject();
                json.writeStringField("Name", metric.metricName());
                json.writeStringField("Unit", "Count");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField(DIMENSION, service);
            for (Map.Entry<Metric, Long> count : counted.entrySet()) {
                json.writeNumberField(count.getKey().metricName(), count.getValue());
            }
            json.writeEndObject();
        }));
    }
}
