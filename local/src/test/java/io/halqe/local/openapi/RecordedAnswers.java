package io.halqe.local.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The answer logs of every local cloud the tests of this JVM start — as a jar ({@code --record-answers}) or in
 * process ({@code LocalCloudOptions.withAnswerLog}) — which {@link AnswersHeldToTheDescription} holds to openapi.yaml.
 */
public final class RecordedAnswers {

    private static final List<Path> LOGS = new CopyOnWriteArrayList<>();

    private RecordedAnswers() {
    }

    /** A new, empty log, checked after each test class from now on. */
    public static Path newLog() {
        try {
            Path log = Files.createTempFile("halqe-answers", ".ndjson");
            log.toFile().deleteOnExit();
            LOGS.add(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> logs() {
        return List.copyOf(LOGS);
    }
}
