package io.halqe.domain.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEmailFeedbackTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private final io.halqe.domain.fakes.InMemorySuppressionList list = new io.halqe.domain.fakes.InMemorySuppressionList();
    private final RecordEmailFeedback record = new RecordEmailFeedback(list);

    @Test
    void record_shouldSuppressPermanentBouncesAndComplaints_butNotTransientBounces() {
        assertThat(record.record(new RecordEmailFeedback.EmailFeedback("Bounce", "Permanent", List.of("gone@example.com"), AT)))
                .isEqualTo(1);
        assertThat(record.record(new RecordEmailFeedback.EmailFeedback("Bounce", "Transient", List.of("full@example.com"), AT)))
                .isZero();
        assertThat(record.record(new RecordEmailFeedback.EmailFeedback("Complaint", null, List.of("angry@example.com"), AT)))
                .isEqualTo(1);
        assertThat(record.record(new RecordEmailFeedback.EmailFeedback("Delivery", null, List.of("ok@example.com"), AT))).isZero();
        Map<String, String> suppressed = new LinkedHashMap<>();
        list.entries.forEach((address, entry) -> suppressed.put(address, entry.reason()));
        assertThat(suppressed).containsExactly(Map.entry("gone@example.com", "bounced"), Map.entry("angry@example.com", "complained"));
    }
}
