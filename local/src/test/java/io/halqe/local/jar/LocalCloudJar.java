package io.halqe.local.jar;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local cloud as a user runs it: the README's run command ({@code ./halqe local --port N}) as its own process, with
 * no JAVA_HOME and the machine's default java first on PATH, healthy before it is handed out.
 */
public final class LocalCloudJar implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;

    private LocalCloudJar(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Started on a free port, answering at {@code http://HOST:PORT} ({@code host}: 127.0.0.1 or localhost), with
     * these template parameters ({@code Name=Value}) over the local defaults.
     */
    public static LocalCloudJar start(String host, String apiKey, String... parameters) throws Exception {
        return start(host, apiKey, List.of(), parameters);
    }

    /** The same, with further arguments of the run command ({@code --faults …}). */
    public static LocalCloudJar start(String host, String apiKey, List<String> arguments, String... parameters)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI base = URI.create("http://" + host + ":" + port);
        Path root = Path.of(System.getProperty("halqe.repoRoot", "..")).toAbsolutePath();
        if (!Files.exists(root.resolve("local/target/halqe-local.jar"))) {
            throw new IllegalStateException("no local/target/halqe-local.jar: the package phase makes it");
        }
        Path log = Files.createTempFile("halqe-local", ".log");
        // every cloud records its answers, held to openapi.yaml after each test class
        Path answers = io.halqe.local.openapi.RecordedAnswers.newLog();
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("halqe").toString(), "local",
                "--port", Integer.toString(port), "--record-answers", answers.toString()));
        command.addAll(arguments);
        for (String parameter : parameters) {
            command.add("--parameter");
            command.add(parameter);
        }
        ProcessBuilder process = new ProcessBuilder(command)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        process.environment().remove("JAVA_HOME");
        process.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        // where the launcher looks for a JDK 21+: the usual places, and this JVM's home for one installed elsewhere
        process.environment().put("HALQE_JDK_CANDIDATES", "/usr/lib/jvm/* " + System.getProperty("java.home"));
        process.environment().put("HALQE_API_KEY", apiKey);
        Process started = process.start();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("/_local/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return new LocalCloudJar(started, base);
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!started.isAlive() || Instant.now().isAfter(deadline)) {
                started.destroy();
                throw new IllegalStateException("the local cloud did not become healthy:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
