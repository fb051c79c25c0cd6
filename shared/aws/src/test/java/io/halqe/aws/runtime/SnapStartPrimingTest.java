package io.halqe.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.halqe.aws.stream.StreamPriming;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void beforeCheckpoint_shouldRunThePriming_andNotStopTheSnapshot_whenOneFails() {
        // GIVEN a priming that works and one that fails, registered as a function's constructor does
        AtomicInteger primed = new AtomicInteger();
        SnapStartPriming working = SnapStartPriming.register("test", primed::incrementAndGet);
        SnapStartPriming failing = SnapStartPriming.register("test", () -> {
            throw new IllegalStateException("no network at snapshot time");
        });
        // WHEN the runtime is about to take the snapshot (a JVM without CRaC never calls them: the test does)
        assertThatCode(() -> {
            working.beforeCheckpoint(null);
            failing.beforeCheckpoint(null);
        }).doesNotThrowAnyException();
        // THEN the working one ran
        assertThat(primed).hasValue(1);
    }

    @Test
    void streamPriming_shouldReadAndAnswerABatch_whenRunWithoutAnyService() {
        assertThatCode(StreamPriming::readAndAnswer).doesNotThrowAnyException();
    }
}
