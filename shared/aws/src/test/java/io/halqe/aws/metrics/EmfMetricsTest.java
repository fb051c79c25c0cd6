package io.halqe.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Metric;
import io.halqe.local.runtime.testing.EmfLines;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counts of an invocation as one EMF document, as CloudWatch Logs reads it from the function's output. */
class EmfMetricsTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

    private final EmfLines lines = new EmfLines();
    private final EmfMetrics metrics = new EmfMetrics("Halqe/test", "enrichment", lines, Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void flush_shouldWriteOneEmfDocumentWithEveryCount_whenAnInvocationCounted() {
        // GIVEN an invocation that analysed three answers and parked one item
        metrics.count(Metric.ANSWERS_ANALYSED, 2);
        metrics.count(Metric.ANSWERS_ANALYSED, 1);
        metrics.count(Metric.ITEMS_PARKED, 1);
        // WHEN it ends
        metrics.flush();
        // THEN one JSON line declares both metrics as counts, in the stage's namespace, the function as dimension
        assertThat(lines.documents()).singleElement().satisfies(emf -> {
            assertThat(emf.namespace()).isEqualTo("Halqe/test");
            assertThat(emf.dimensions()).containsExactly(List.of("Service"));
            assertThat(emf.member("Service")).isEqualTo("enrichment");
            assertThat(emf.units()).containsOnly(Map.entry("AnswersAnalysed", "Count"), Map.entry("ItemsParked", "Count"));
            assertThat(emf.values()).containsOnly(Map.entry("AnswersAnalysed", 3.0), Map.entry("ItemsParked", 1.0));
            // AND it is stamped when the invocation ends
            assertThat(emf.root().at("/_aws/Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        });
    }

    @Test
    void flush_shouldWriteNothing_whenNothingWasCounted() {
        // GIVEN an invocation that counted nothing (a read, a schedule with nothing due)
        // WHEN it ends
        metrics.flush();
        // THEN no line is written
        assertThat(lines.documents()).isEmpty();
    }

    @Test
    void flush_shouldStartEachInvocationFromZero_whenTheHandlerIsWarm() {
        // GIVEN a warm handler whose first invocation counted a received answer
        metrics.count(Metric.ANSWERS_RECEIVED, 1);
        metrics.flush();
        lines.clear();
        // WHEN the next invocation counts one email
        metrics.count(Metric.EMAILS_SENT, 1);
        metrics.flush();
        // THEN its document holds that email alone
        assertThat(lines.documents()).singleElement()
                .satisfies(emf -> assertThat(emf.values()).containsOnly(Map.entry("EmailsSent", 1.0)));
    }

    @Test
    void counting_shouldCountEachEmailSentAsTheGivenMetric_andNoneThatFailed() {
        // GIVEN a mailer counted as customers told, whose second send fails
        List<io.halqe.domain.core.Mailer.Email> sent = new java.util.ArrayList<>();
        io.halqe.domain.core.Mailer flaky = email -> {
            if (!sent.isEmpty()) {
                throw new IllegalStateException("SES refused");
            }
            sent.add(email);
        };
        io.halqe.domain.core.Mailer telling = metrics.counting(flaky, Metric.CUSTOMERS_TOLD);
        var email = new io.halqe.domain.core.Mailer.Email(List.of("sara@example.com"), "We fixed it", "text", "<p>html</p>");
        // WHEN two emails are sent, the second refused
        telling.send(email);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> telling.send(email))
                .isInstanceOf(IllegalStateException.class);
        metrics.flush();
        // THEN the one that went is counted as a customer told, and nothing as an email sent
        assertThat(lines.documents()).singleElement()
                .satisfies(emf -> assertThat(emf.values()).containsOnly(Map.entry("CustomersTold", 1.0)));
    }
}
