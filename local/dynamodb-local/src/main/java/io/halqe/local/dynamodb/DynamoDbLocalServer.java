package io.halqe.local.dynamodb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
    /** DynamoDB Local's main with its stream records indexed ({@link IndexedDynamoDbLocal}), from the launcher jar. */
    private static final String MAIN_CLASS = IndexedDynamoDbLocal.class.getName();
    /** How the jar holding {@link IndexedDynamoDbLocal} alone ends (this module's build puts it in the folder). */
    static final String LAUNCHER_JAR = "-launcher.jar";
    private static final String LOG = "dynamodb-local.log";
    private static final String READY = "ready";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path workDir;

    private DynamoDbLocalServer(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    /**
     * Starts an in-memory DynamoDB Local, its stream records indexed, on a free loopback port, and waits until it is
     * ready. Its log and its ready mark go in a folder of its own, deleted when it stops.
     */
    public static DynamoDbLocalServer start() {
        return start(locateLibraryDir());
    }

    public static DynamoDbLocalServer start(Path libraryDir) {
        if (!Files.isRegularFile(libraryDir.resolve("DynamoDBLocal.jar")) || !hasLauncher(libraryDir)) {
            throw new IllegalStateException("DynamoDB Local is not built at " + libraryDir
                    + " — run `mvn -q install -DskipTests` from the repository root first");
        }
        int port = freePort();
        Path workDir = workDir();
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx512m",
                "-Djava.library.path=" + libraryDir,
                "-Dsqlite4java.library.path=" + libraryDir,
                "-cp", libraryDir + File.separator + "*",
                MAIN_CLASS,
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port),
                IndexedDynamoDbLocal.READY_OPTION, workDir.resolve(READY).toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve(LOG).toFile())
                    .start();
            DynamoDbLocalServer server = new DynamoDbLocalServer(process, port, workDir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            delete(workDir);
            throw new UncheckedIOException("cannot start DynamoDB Local", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * SQLite's plans for DynamoDB Local's reads of stream records, explained once the indexes were made: {@code name:
     * plan}, one a line (see {@link IndexedDynamoDbLocal}).
     */
    public List<String> streamRecordReadPlans() {
        try {
            return Files.readAllLines(workDir.resolve(READY));
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local's ready mark is gone", e);
        }
    }

    /** Stops DynamoDB Local and deletes its folder. Safe to call again. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        delete(workDir);
    }

    private static boolean hasLauncher(Path libraryDir) {
        try (var files = Files.list(libraryDir)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(LAUNCHER_JAR));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path workDir() {
        try {
            return Files.createTempDirectory("halqe-dynamodb-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for DynamoDB Local's log", e);
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException gone) {
            // already deleted, or going with the machine's temp files
        }
    }

    /** Until DynamoDB Local listens and its stream records are indexed (its launcher writes {@link #READY}). */
    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = readLog();
                delete(workDir);
                throw new IllegalStateException("DynamoDB Local exited with code " + process.exitValue() + ":\n" + log);
            }
            if (Files.isRegularFile(workDir.resolve(READY))) {
                return;
            }
            sleepBriefly();
        }
        String log = readLog();
        close();
        throw new IllegalStateException("DynamoDB Local was not ready on port " + port + " within " + START_TIMEOUT
                + ":\n" + log);
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

    private String readLog() {
        try {
            String log = Files.readString(workDir.resolve(LOG));
            return log.length() <= 4000 ? log : "…" + log.substring(log.length() - 4000);
        } catch (IOException unreadable) {
            return "(no log)";
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
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB Local", e);
        }
    }
}
