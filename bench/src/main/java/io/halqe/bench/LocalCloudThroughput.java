package io.halqe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The local cloud's throughput end to end: starts the jar as its own process (as the end-to-end tests do), creates a
 * survey through the admin API, submits answers over HTTP from several clients at once (20% detractors, 30% passives,
 * 50% promoters, short comments in en, fa and ar), then reads the metrics until every answer is scored and drains
 * (alerts and the rest done). Prints requests/s taken in and answers/s scored end to end, first for a warm-up round
 * on a survey of its own, then for the measured one. The warm-up is 5,000 answers, about a minute: both JVMs compile
 * for that long, and after 1,000 answers their compiler threads still took a third of the CPU (the figures then are
 * those of a JVM still compiling, not of the local cloud). Run from the repository root:
 * <pre>{@code
 * ./halqe package -o -q -pl local,bench -am && "$(./halqe jdk)/bin/java" -cp "bench/target/classes:bench/target/lib/*" io.halqe.bench.LocalCloudThroughput [answers=2000] [clients=8] [warmup=5000]
 * }</pre>
 * With {@code import} first ({@code … LocalCloudThroughput import [answers=10000] [files=2] [warmup=1000]}) the answers
 * come as a Delighted export instead, in that many files sent at once, and are timed until every one is scored.
 * ({@code -Dhalqe.localJar=PATH} runs another build of the local cloud, to compare.)
 */
public final class LocalCloudThroughput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final String KEY = "bench-admin-key";
    private static final String[] LANGUAGES = {"en", "fa", "ar"};

    private final URI base;
    private final ProcessHandle cloud;

    private LocalCloudThroughput(URI base, ProcessHandle cloud) {
        this.base = base;
        this.cloud = cloud;
    }

    public static void main(String[] args) throws Exception {
        boolean imports = args.length > 0 && args[0].equals("import");
        String[] numbers = imports ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int answers = numbers.length > 0 ? Integer.parseInt(numbers[0]) : imports ? 10_000 : 2000;
        int clients = numbers.length > 1 ? Integer.parseInt(numbers[1]) : imports ? 2 : 8;
        int warmup = numbers.length > 2 ? Integer.parseInt(numbers[2]) : imports ? 1000 : 5000;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process cloud = startCloud(port);
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            waitHealthy(cloud, base);
            LocalCloudThroughput bench = new LocalCloudThroughput(base, cloud.toHandle());
            if (warmup > 0) {
                System.out.println("-- warm-up (a fresh JVM spends its first minute compiling)");
                if (imports) {
                    bench.importHistory(warmup, clients);
                } else {
                    bench.run(warmup, clients);
                }
            }
            System.out.println("-- measured");
            if (imports) {
                bench.importHistory(answers, clients);
            } else {
                bench.run(answers, clients);
            }
        } finally {
            cloud.destroy();
            cloud.waitFor();
        }
    }

    private void run(int answers, int clients) throws Exception {
        String surveyId = "bench-" + System.currentTimeMillis();
        send("POST", "/api/surveys", survey(surveyId), 201);
        List<ObjectNode> bodies = answers(answers);
        double[] cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                sent.add(senders.submit(() -> {
                    for (int i = first; i < bodies.size(); i += clients) {
                        send("POST", "/s/" + surveyId + "/responses", bodies.get(i).toString(), 201);
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        double submitted = seconds(start);
        int scored;
        while ((scored = scored(surveyId)) < answers) {
            Thread.sleep(100);
        }
        double allScored = seconds(start);
        send("POST", "/_local/drain", null, 200);
        double settled = seconds(start);
        int afterDrain = scored(surveyId);
        double[] cpuAfter = cpuSeconds();
        double cloudCpu = cpuAfter[0] - cpuBefore[0];
        double dynamoCpu = cpuAfter[1] - cpuBefore[1];
        System.out.printf("answers %d, clients %d%n", answers, clients);
        System.out.printf("in:          %.1f s, %.0f requests/s%n", submitted, answers / submitted);
        System.out.printf("scored:      %.1f s, %.0f answers/s end to end (count %d)%n", allScored, answers / allScored, scored);
        System.out.printf("all settled: %.1f s, %.0f answers/s (count after drain %d)%n", settled, answers / settled, afterDrain);
        // the machine may be shared: the CPU the local cloud (and DynamoDB Local) spent says what it costs regardless
        System.out.printf("cpu:         %.1f ms per answer (local cloud %.1f s, DynamoDB Local %.1f s)%n",
                (cloudCpu + dynamoCpu) * 1000 / answers, cloudCpu, dynamoCpu);
        if (afterDrain != answers) {
            throw new IllegalStateException("scored " + afterDrain + " answers, not " + answers);
        }
    }

    /**
     * A Delighted export of {@code answers} rows over the last 60 days, sent in {@code parts} requests at once (rows
     * stand alone, README "Moving from Delighted"), timed until every answer is scored.
     */
    private void importHistory(int answers, int parts) throws Exception {
        String surveyId = "bench-import-" + System.currentTimeMillis();
        send("POST", "/api/surveys", survey(surveyId), 201);
        List<ObjectNode> bodies = answers(answers);
        java.time.Instant now = java.time.Instant.now();
        List<StringBuilder> files = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            files.add(new StringBuilder("Response ID,Score,Comment,Email,Name,Created At\n"));
        }
        for (int i = 0; i < answers; i++) {
            JsonNode answer = bodies.get(i).path("answers");
            long given = now.minusSeconds(60 + (long) i * 60 * 86_400 / answers).getEpochSecond();
            files.get(i % parts).append(9_000_000 + i).append(',').append(answer.path("nps").asInt()).append(",\"")
                    .append(answer.path("comment").asText().replace("\"", "\"\"")).append("\",person")
                    .append(i % (answers / 3 + 1)).append("@example.com,Person ").append(i % (answers / 3 + 1))
                    .append(',').append(given).append('\n');
        }
        double[] cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(parts)) {
            List<Future<String>> sent = new ArrayList<>();
            for (StringBuilder file : files) {
                sent.add(senders.submit(() -> send("POST", "/api/surveys/" + surveyId + "/import/delighted",
                        file.toString(), "text/csv", 200)));
            }
            for (Future<String> future : sent) {
                JsonNode report = JSON.readTree(future.get());
                if (report.path("failed").asInt() != 0) {
                    throw new IllegalStateException("rows refused: " + report);
                }
            }
        }
        double stored = seconds(start);
        String range = "?from=" + now.minus(Duration.ofDays(62)).toString().substring(0, 10) + "&to="
                + now.plus(Duration.ofDays(1)).toString().substring(0, 10);
        int scored;
        while ((scored = scored(surveyId, range)) < answers) {
            Thread.sleep(100);
        }
        double allScored = seconds(start);
        double[] cpuAfter = cpuSeconds();
        System.out.printf("imported %d answers in %d requests at once%n", answers, parts);
        System.out.printf("stored:      %.1f s, %.0f answers/s%n", stored, answers / stored);
        System.out.printf("scored:      %.1f s, %.0f answers/s end to end (count %d)%n", allScored, answers / allScored, scored);
        System.out.printf("cpu:         %.1f ms per answer (local cloud %.1f s, DynamoDB Local %.1f s)%n",
                (cpuAfter[0] - cpuBefore[0] + cpuAfter[1] - cpuBefore[1]) * 1000 / answers, cpuAfter[0] - cpuBefore[0],
                cpuAfter[1] - cpuBefore[1]);
    }

    /** NPS with a comment, the mix of a typical survey: 20% detractors, 30% passives, 50% promoters. */
    private static List<ObjectNode> answers(int count) {
        Random random = new Random(7);
        List<Comments.Comment> comments = Comments.batch(count);
        List<ObjectNode> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(10);
            int nps = roll < 2 ? random.nextInt(7) : roll < 5 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
            ObjectNode body = JSON.createObjectNode().put("language", LANGUAGES[i % 3]);
            body.putObject("answers").put("nps", nps).put("comment", comments.get(i).text());
            bodies.add(body);
        }
        return bodies;
    }

    private static String survey(String id) {
        ObjectNode survey = JSON.createObjectNode().put("id", id).put("name", "Throughput").put("kind", "relationship")
                .put("defaultLanguage", "en").put("requireSignedLink", false);
        survey.putArray("languages").add("en").add("fa").add("ar");
        var questions = survey.putArray("questions");
        questions.addObject().put("id", "nps").put("type", "nps").put("required", true)
                .putObject("text").put("en", "How likely are you to recommend us?").put("fa", "چقدر احتمال دارد ما را توصیه کنید؟")
                .put("ar", "ما مدى احتمال أن توصي بنا؟");
        questions.addObject().put("id", "comment").put("type", "text")
                .putObject("text").put("en", "Why?").put("fa", "چرا؟").put("ar", "لماذا؟");
        return survey.toString();
    }

    private int scored(String surveyId) throws Exception {
        return scored(surveyId, "");
    }

    private int scored(String surveyId, String range) throws Exception {
        return JSON.readTree(send("GET", "/api/surveys/" + surveyId + "/metrics" + range, null, 200)).path("responses")
                .asInt();
    }

    private String send(String method, String path, String body, int expected) throws Exception {
        return send(method, path, body, "application/json", expected);
    }

    private String send(String method, String path, String body, String contentType, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("authorization", "Bearer " + KEY).header("content-type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** CPU seconds so far of the local cloud's process and of its children (DynamoDB Local). */
    private double[] cpuSeconds() {
        return new double[] {cpuSeconds(cloud), cloud.descendants().mapToDouble(LocalCloudThroughput::cpuSeconds).sum()};
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The jar on a free port, with this JVM's java, the per-source answer limit off. */
    private static Process startCloud(int port) throws IOException {
        Path jar = Path.of(System.getProperty("halqe.localJar", "local/target/halqe-local.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar.toAbsolutePath() + ": run from the repository root after packaging");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("halqe-bench-local", ".log");
        System.out.println("local cloud log: " + log);
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--port", Integer.toString(port),
                "--parameter", "AnonymousAnswersPerMinute=0").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HALQE_API_KEY", KEY);
        return builder.start();
    }

    private static void waitHealthy(Process cloud, URI base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && cloud.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the local cloud did not become healthy");
    }
}
