package io.halqe.local.dynamodb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs DynamoDB Local in a JVM of its own: its classpath pins an old AWS SDK v2 that must never meet ours.
 * The classpath is the folder this module's build fills ({@code target/dynamodb-local}).
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    public static final String DIR_PROPERTY = "halqe.dynamodbLocal.dir";
    private static final String MAIN_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private DynamoDbLocalServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts an in-memory DynamoDB Local on a free loopback port and waits until it accepts connections. */
    public static DynamoDbLocalServer start() {
        return start(locateLibraryDir());
    }

    public static DynamoDbLocalServer start(Path libraryDir) {
        if (!Files.isRegularFile(libraryDir.resolve("DynamoDBLocal.jar"))) {
            throw new IllegalStateException("DynamoDB Local is not built at " + libraryDir
                    + " — run `mvn -q install -DskipTests` from the repository root first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx512m",
                "-Djava.library.path=" + libraryDir,
                "-Dsqlite4java.library.path=" + libraryDir,
                "-cp", libraryDir + File.separator + "*",
                MAIN_CLASS,
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            DynamoDbLocalServer server = new DynamoDbLocalServer(process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start DynamoDB Local", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("DynamoDB Local exited with code " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleepBriefly();
            }
        }
        close();
        throw new IllegalStateException("DynamoDB Local did not listen on port " + port + " within " + START_TIMEOUT);
    }

    /**
     * The system property wins (set by the build for tests); otherwise look for the module's output from the
     * working directory and from where this class was loaded, so `java -jar local/target/halqe-local.jar` works
     * from the repository root and from local/.
     */
    static Path locateLibraryDir() {
        String configured = System.getProperty(DIR_PROPERTY, System.getenv("HALQE_DYNAMODB_LOCAL_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("local/dynamodb-local/target/dynamodb-local");
                if (Files.isRegularFile(candidate.resolve("DynamoDBLocal.jar"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("cannot find local/dynamodb-local/target/dynamodb-local; set -D"
                + DIR_PROPERTY + " or build the project with `mvn -q install -DskipTests`");
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(DynamoDbLocalServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception unknown) {
            return Optional.empty();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB Local", e);
        }
    }
}
