package io.halqe.bench;

import io.halqe.domain.analytics.TextAnalysis;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.analytics.ThemeTaxonomy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to analyze a batch of 100 mixed en/fa/ar comments (what one enrichment Lambda invocation may get).
 * Run: {@code java -jar bench/target/benchmarks.jar EnrichmentBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnrichmentBenchmark {

    private TextAnalyzer analyzer;
    private List<Comments.Comment> batch;
    private ThemeTaxonomy taxonomy;

    @Setup
    public void setUp() {
        analyzer = new TextAnalyzer();
        batch = Comments.batch(100);
        taxonomy = ThemeTaxonomy.defaults();
    }

    @Benchmark
    public void analyze100Comments(Blackhole blackhole) {
        for (Comments.Comment c : batch) {
            TextAnalysis analysis = analyzer.analyze(c.text(), "en", c.nps(), taxonomy);
            blackhole.consume(analysis);
        }
    }

    /** Construction cost (the Lambda's init). */
    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TextAnalyzer construct() {
        return new TextAnalyzer();
    }
}
