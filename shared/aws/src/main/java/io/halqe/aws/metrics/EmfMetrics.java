package io.halqe.aws.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The {@link Metrics} port as CloudWatch metrics in Embedded Metric Format, written by Powertools' EMF logger: what
 * an invocation counted is one JSON line on standard output at its end ({@link #flush}), which Lambda sends to the
 * function's log group and CloudWatch turns into metrics — no API call, no permission. Each metric has one dimension,
 * {@value #DIMENSION}, the function's name. Holds no state from init but the names (SnapStart restores many copies of
 * one snapshot): the counts start empty, and each flush takes its own timestamp and EMF context.
 */
public final class EmfMetrics implements Metrics {

    public static final String DIMENSION = "Service";

    private final String namespace;
    private final String service;
    private final Clock clock;
    private final EnvironmentProvider lines;
    private final Map<Metric, LongAdder> counts = new EnumMap<>(Metric.class);

    /** {@code lines} receives each EMF document (one JSON object a line). */
    public EmfMetrics(String namespace, String service, Consumer<String> lines, Clock clock) {
        this.namespace = namespace;
        this.service = service;
        this.clock = clock;
        this.lines = new Lines(lines);
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
        var emf = new EmfMetricsLogger(lines, new MetricsContext());
        emf.setNamespace(namespace);
        emf.setDefaultDimensions(DimensionSet.of(DIMENSION, service));
        counted.forEach((metric, n) -> emf.addMetric(metric.metricName(), n, MetricUnit.COUNT));
        emf.setTimestamp(clock.instant());
        emf.flush();
    }

    /**
     * The EMF library's environment, fixed: it never probes for one (its probes would ask EC2's and ECS's metadata
     * addresses) and writes each document to {@code out}.
     */
    private static final class Lines extends EnvironmentProvider implements Environment, ISink {
        private final Consumer<String> out;

        Lines(Consumer<String> out) {
            this.out = out;
        }

        @Override
        public CompletableFuture<Environment> resolveEnvironment() {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public Environment getDefaultEnvironment() {
            return this;
        }

        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "halqe";
        }

        @Override
        public String getType() {
            return "AWS::Lambda::Function";
        }

        @Override
        public String getLogGroupName() {
            return "";
        }

        @Override
        public void configureContext(MetricsContext context) {
            // nothing to add: the dimension and namespace are set on every document
        }

        @Override
        public ISink getSink() {
            return this;
        }

        @Override
        public void accept(MetricsContext context) {
            try {
                context.serialize().forEach(out);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
