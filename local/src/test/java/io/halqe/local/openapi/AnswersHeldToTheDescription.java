package io.halqe.local.openapi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each test class (registered for every class through META-INF/services and JUnit's extension autodetection):
 * the answers every local cloud of this JVM recorded ({@link RecordedAnswers}) since the last check are held to openapi.yaml,
 * and the class fails listing what does not match. Runs after the class's own {@code @AfterAll}, so a cloud the class
 * stopped has recorded everything; the cloud the browser tests share is checked after each of them.
 */
public final class AnswersHeldToTheDescription implements AfterAllCallback {

    /** How far each log has been checked, in bytes. */
    private static final Map<Path, Long> CHECKED = new ConcurrentHashMap<>();

    @Override
    public void afterAll(ExtensionContext context) {
        check(context.getDisplayName());
    }

    /** The same, for tests JUnit Jupiter does not run (jqwik's properties call it from their {@code @AfterContainer}). */
    public static synchronized void check(String testName) {
        List<Path> logs = RecordedAnswers.logs();
        if (logs.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        DescribedAnswers answers = new DescribedAnswers(ApiDescription.repository());
        for (Path log : logs) {
            CHECKED.put(log, answers.check(log, CHECKED.getOrDefault(log, 0L)));
        }
        if (answers.checked() > 0) {
            // how much was held and what it cost, in the test's output
            System.out.println("[openapi] " + testName + ": " + answers.checked()
                    + " answers held to openapi.yaml in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (!answers.violations().isEmpty()) {
            throw new AssertionError(answers.violations().size() + " kinds of answer (of " + answers.checked()
                    + " answers) do not match openapi.yaml:\n  " + String.join("\n  ", answers.violations()));
        }
    }
}
