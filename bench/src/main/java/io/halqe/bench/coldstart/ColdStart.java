package io.halqe.bench.coldstart;

import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudOptions;
import io.halqe.local.LocalFunction;
import io.halqe.local.runtime.SamTemplate;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cold start and warm latency of each function's Lambda zip against a floor handler, on this machine. Run from the
 * repository root, after the zips are built (timed, never asserted; not part of {@code mvn verify}):
 * <pre>
 *   ./halqe package &amp;&amp; bench/coldstart [--rounds 5] [--warmup-rounds 1] [--warm 100:200[:5]] [--only submission,api]
 *                                         [--java /path/to/jdk/bin/java] [--extra-jars a.jar,b.jar]
 * </pre>
 * The local cloud starts in-process (DynamoDB Local, the AWS emulation, the demo survey; no background passes, so
 * nothing else runs while a sample does). Each sample is a fresh JVM with Lambda's flags and environment
 * ({@link ChildJvm}) on the unpacked zip, timed from its spawn to the end of its first invocation, as Lambda counts
 * init and first duration; the floor (bench/floor: one DynamoDB client, one PutItem) starts before each function, in
 * N rounds. Warm: the submission handler answering POSTs to demo-nps (each a new answer from its own address) and the
 * floor's PutItems, in pairs of JVMs.
 */
public final class ColdStart {

    /** A function as a child JVM runs it: its unpacked zip, handler, memory, variables and event. */
    record Function(String name, String handlerClass, Path dir, int memoryMb, Map<String, String> environment, Path event) {
    }

    /**
     * One cold sample's times (ms): spawn to the first invocation's end, the parts the launcher saw, and the CPU time
     * the JVM had used by then.
     */
    record Sample(double totalMs, double initMs, double invokeMs, double cpuMs, String output) {
    }

    private final Path java;
    private final Path work;
    private final List<Path> runtime;
    private final List<Path> extraJars;
    private long started;

    private ColdStart(Path java, Path work, List<Path> extraJars) throws IOException {
        this.java = java;
        this.work = work;
        // the runtime's part of the classpath, first, as on Lambda: the launcher and the runtime's serializers
        this.runtime = LambdaZips.runtime(work);
        this.extraJars = List.copyOf(extraJars);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        int warmupRounds = Integer.parseInt(options.getOrDefault("--warmup-rounds", "1"));
        String[] warm = (options.getOrDefault("--warm", "100:200") + ":5").split(":");
        Path java = Path.of(options.getOrDefault("--java", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path root = Path.of("").toAbsolutePath();
        if (!Files.exists(root.resolve("template.yaml"))) {
            throw new IllegalStateException("run from the repository root (no template.yaml in " + root + ")");
        }
        Path work = root.resolve("bench/target/coldstart");
        deleteTree(work);
        List<Path> extraJars = options.containsKey("--extra-jars")
                ? Arrays.stream(options.get("--extra-jars").split(",")).map(Path::of).toList() : List.of();
        ColdStart bench = new ColdStart(java, work, extraJars);
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withBackground(false)
                .withApiKey(LocalCloudOptions.DEFAULT_API_KEY))) {
            List<Function> functions = bench.functions(cloud, root, options.get("--only"));
            Function floor = bench.floor(cloud, root, functions.get(0));
            System.out.printf("%nCold start: %d rounds (+%d warm-up) of floor, function, ... on %s; %d cpus, load %.1f%n",
                    rounds, warmupRounds, java, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            bench.cold(cloud, functions, floor, warmupRounds, rounds);
            Function submission = functions.stream().filter(f -> f.name().equals("submission")).findFirst().orElse(null);
            if (submission != null && Integer.parseInt(warm[1]) > 0) {
                bench.warm(submission, floor, Integer.parseInt(warm[0]), Integer.parseInt(warm[1]),
                        Integer.parseInt(warm[2]));
            }
        }
    }

    /**
     * The cold samples; before each function's, the response its events name is stored (a response of its own,
     * {@link BenchEvents}), as submission would have stored it.
     */
    private void cold(LocalCloud cloud, List<Function> functions, Function floor, int warmupRounds, int rounds)
            throws Exception {
        String insertedEvent = Files.readString(Path.of("events/enrichment/response-inserted.json"));
        Map<String, Function> byName = new LinkedHashMap<>();
        functions.forEach(function -> byName.put(function.name(), function));
        List<ColdStartPlan.Pair> pairs = new ArrayList<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        Sample lastFloor = null;
        for (ColdStartPlan.Step step : ColdStartPlan.steps(List.copyOf(byName.keySet()), warmupRounds + rounds)) {
            Function paired = byName.get(step.pairedWith());
            if (failed.containsKey(paired.name())) {
                continue;
            }
            // the floor runs with the memory of the function it is paired with
            Function function = step.floor() ? new Function(floor.name(), floor.handlerClass(), floor.dir(),
                    paired.memoryMb(), floor.environment(), paired.event()) : paired;
            started = BenchEvents.nextSeq(started);
            String seq = BenchEvents.seq(started);
            if (!step.floor()) {
                cloud.dynamoDb().putItem(request -> request.tableName(cloud.tableNames().get("ResponsesTable"))
                        .item(BenchEvents.storedResponse(insertedEvent, seq)));
            }
            Sample sample;
            try {
                sample = coldSample(function, seq);
            } catch (IllegalStateException e) {
                if (step.floor()) {
                    throw e;
                }
                // a function that cannot start is a finding, not the end of the run: the others are still measured
                failed.put(paired.name(), firstException(e.getMessage()));
                System.out.println("  round " + step.round() + "  " + paired.name() + " FAILED: " + failed.get(paired.name()));
                continue;
            }
            boolean counted = step.round() > warmupRounds;
            System.out.printf("  round %d%s %-10s %7.0f ms (init %5.0f, first invocation %5.0f; cpu %5.0f)%n",
                    step.round(), counted ? " " : "*", step.sample(), sample.totalMs(), sample.initMs(),
                    sample.invokeMs(), sample.cpuMs());
            if (step.floor()) {
                lastFloor = sample;
            } else {
                if (suspicious(sample.output())) {
                    System.out.println("    ! " + step.sample() + " answered: " + abbreviate(sample.output()));
                }
                if (counted) {
                    pairs.add(new ColdStartPlan.Pair(step.round(), step.sample(), lastFloor.totalMs(), sample.totalMs(),
                            lastFloor.cpuMs(), sample.cpuMs()));
                    samples.computeIfAbsent(step.sample(), name -> new ArrayList<>()).add(sample);
                }
            }
        }
        System.out.printf("%n%-12s %8s %8s %7s %13s %9s %8s %10s  first output%n", "function", "cold ms", "floor ms",
                "ratio", "ratio range", "cpu ratio", "init ms", "invoke ms");
        for (ColdStartPlan.Summary summary : ColdStartPlan.summarize(pairs)) {
            List<Sample> its = samples.get(summary.function());
            System.out.printf("%-12s %8.0f %8.0f %6.2fx %6.2f-%5.2fx %8.2fx %8.0f %10.0f  %s%n", summary.function(),
                    summary.medianMs(), summary.medianFloorMs(), summary.medianRatio(), summary.minRatio(),
                    summary.maxRatio(), summary.medianCpuRatio(),
                    ColdStartPlan.median(its.stream().map(Sample::initMs).toList()),
                    ColdStartPlan.median(its.stream().map(Sample::invokeMs).toList()), abbreviate(its.get(0).output()));
        }
        failed.forEach((name, reason) -> System.out.printf("%-12s FAILED: %s%n", name, reason));
        System.out.println("(medians over the rounds; ratio: the median of each round's function / the floor just before it,"
                + " wall time from spawn to the first invocation's end; cpu ratio: the same for the JVMs' CPU time)");
    }

    private Sample coldSample(Function function, String seq) throws Exception {
        ChildJvm.Output output = child(function, classpath(function.dir())).run("cold", function.handlerClass(),
                function.event().toString(), seq);
        // every child's whole output, to see what a sample did (bench/target/coldstart/logs)
        Files.writeString(Files.createDirectories(work.resolve("logs")).resolve(seq + "-" + function.name() + ".log"),
                output.all());
        String[] cold = output.line("cold");
        double total = Long.parseLong(cold[4]) - output.spawnedMillis();
        return new Sample(total, Long.parseLong(cold[2]) / 1e6, Long.parseLong(cold[3]) / 1e6,
                Long.parseLong(cold[5]) / 1e6, String.join(" ", output.line("output")));
    }

    /**
     * The submission handler and the floor, each warm in its own JVM on its own zip (a shrunk zip holds only what its
     * own code reaches, so the two cannot share one classpath), in {@code rounds} pairs one after the other (after a
     * pair not counted), the floor first in every other pair: drift on a shared machine falls on both alike, and each pair gives its own ratio.
     */
    private void warm(Function submission, Function floor, int warmUps, int measured, int rounds) throws Exception {
        List<Double> submissions = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        // pair 0 is a warm-up, not counted: the first JVM to write also warms DynamoDB Local
        for (int round = 0; round <= rounds; round++) {
            boolean floorFirst = round % 2 == 0;
            double floorMs = floorFirst ? warmMillis(floor, warmUps, measured) : 0;
            double submissionMs = warmMillis(submission, warmUps, measured);
            if (!floorFirst) {
                floorMs = warmMillis(floor, warmUps, measured);
            }
            System.out.printf("  warm pair %d%s submission POST %.2f ms, floor PutItem %.2f ms, ratio %.2fx%n", round,
                    round == 0 ? "*" : ":", submissionMs, floorMs, submissionMs / floorMs);
            if (round == 0) {
                continue;
            }
            submissions.add(submissionMs);
            floors.add(floorMs);
            ratios.add(submissionMs / floorMs);
        }
        System.out.printf("%nWarm (%d pairs of JVMs after a warm-up pair, %d warm-ups and %d measured each): submission POST %.2f ms,"
                + " floor PutItem %.2f ms, ratio %.2fx (%.2f-%.2fx) (medians)%n", rounds, warmUps, measured,
                ColdStartPlan.median(submissions), ColdStartPlan.median(floors), ColdStartPlan.median(ratios),
                Collections.min(ratios), Collections.max(ratios));
    }

    private double warmMillis(Function function, int warmUps, int measured) throws Exception {
        // the launcher's warm mode alternates two handlers: here both are the same one
        ChildJvm.Output output = new ChildJvm(java, classpath(function.dir()), function.memoryMb(),
                ChildJvm.lambdaEnvironment(function.dir(), function.environment())).run("warm", Integer.toString(warmUps),
                Integer.toString(measured), function.handlerClass(), function.event().toString(),
                function.handlerClass(), function.event().toString());
        List<Double> times = new ArrayList<>(millis(output.line("warmA")));
        times.addAll(millis(output.line("warmB")));
        return ColdStartPlan.median(times);
    }

    /** Every function of the template with a sample event, its zip unpacked, its variables as the local cloud sets them. */
    private List<Function> functions(LocalCloud cloud, Path root, String only) throws IOException {
        List<Function> functions = new ArrayList<>();
        Path events = Files.createDirectories(work.resolve("events"));
        for (SamTemplate.Function definition : cloud.template().functions()) {
            Path zip = root.resolve(definition.codeUri());
            String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
            // one function per zip, with the zip's sample: the sign-ins trigger shares the api's zip and is not measured
            if (!BenchEvents.SAMPLES.containsKey(name) || only != null && !Arrays.asList(only.split(",")).contains(name)
                    || functions.stream().anyMatch(measured -> measured.name().equals(name))) {
                continue;
            }
            Path event = events.resolve(name + ".json");
            Files.writeString(event, BenchEvents.personalize(
                    Files.readString(root.resolve("events").resolve(name).resolve(BenchEvents.SAMPLES.get(name)))));
            LocalFunction local = cloud.functions().get(definition.logicalId());
            functions.add(new Function(name, definition.handlerClass(), LambdaZips.unzip(zip, work.resolve(name)),
                    local.memoryMb(), local.variables(), event));
        }
        if (functions.isEmpty()) {
            throw new IllegalStateException("no function to measure (--only names zips: " + BenchEvents.SAMPLES.keySet() + ")");
        }
        return functions;
    }

    /** The floor: the functions' AWS variables and JVM options, writing to the Responses table. */
    private Function floor(LocalCloud cloud, Path root, Function like) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        like.environment().forEach((name, value) -> {
            if (name.startsWith("AWS_") || name.equals("JAVA_TOOL_OPTIONS")) {
                environment.put(name, value);
            }
        });
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "halqe-bench-floor");
        environment.put("FLOOR_TABLE", cloud.tableNames().get("ResponsesTable"));
        Path zip = root.resolve("bench/floor/target/floor.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException("no " + zip + ": ./halqe package builds it");
        }
        return new Function("floor", "io.halqe.bench.floor.FloorHandler", LambdaZips.unzip(zip, work.resolve("floor")),
                like.memoryMb(), environment, like.event());
    }

    private ChildJvm child(Function function, List<Path> classpath) {
        return new ChildJvm(java, classpath, function.memoryMb(),
                ChildJvm.lambdaEnvironment(function.dir(), function.environment()));
    }

    /** The zip as Lambda loads it, then --extra-jars (what a zip lacks, to measure it as it would be). */
    private List<Path> classpath(Path dir) throws IOException {
        List<Path> classpath = new ArrayList<>(LambdaZips.classpath(runtime, dir));
        if (!dir.getFileName().toString().equals("floor")) {
            classpath.addAll(extraJars);
        }
        return classpath;
    }

    /** An HTTP answer of 4xx/5xx or a stream batch with failed items: the sample did not do its real work. */
    static boolean suspicious(String output) {
        return output.matches(".*\"statusCode\"\\s*:\\s*[45]\\d\\d.*")
                || output.matches(".*\"batchItemFailures\"\\s*:\\s*\\[\\s*\\{.*");
    }

    private static List<Double> millis(String[] nanos) {
        return Arrays.stream(nanos).map(value -> Long.parseLong(value) / 1e6).toList();
    }

    /** The first line of the child's output that names an exception: why it failed. */
    private static String firstException(String output) {
        return output.lines().filter(line -> line.contains("Exception") || line.contains("Error")).findFirst()
                .orElse(output.lines().findFirst().orElse("")).trim();
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: bench/coldstart [--rounds N] [--warmup-rounds N]"
                        + " [--warm WARMUPS:MEASURED[:PAIRS]] [--only a,b] [--java PATH] [--extra-jars a.jar,b.jar]");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
