package io.halqe.domain.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.core.Undeliverable;
import io.halqe.domain.fakes.InMemoryCounters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlySmsLimitTest {

    @Test
    void send_shouldRefuseTextsPastTheMonthsLimit_andStartAgainNextMonth() {
        // GIVEN a limit of 2 texts a month
        List<String> sent = new ArrayList<>();
        InMemoryCounters counters = new InMemoryCounters();
        SmsSender december = new MonthlySmsLimit((phone, text) -> sent.add(phone), counters, 2,
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        // WHEN three are sent in December THEN the third is refused as undeliverable, naming the limit
        december.send("+989120000001", "a");
        december.send("+989120000002", "b");
        assertThatThrownBy(() -> december.send("+989120000003", "c")).isInstanceOf(Undeliverable.class)
                .hasMessageContaining("SMS limit (2");
        assertThat(sent).containsExactly("+989120000001", "+989120000002");
        // AND in January texts go out again
        new MonthlySmsLimit((phone, text) -> sent.add(phone), counters, 2,
                Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)).send("+989120000003", "c");
        assertThat(sent).hasSize(3);
    }
}
