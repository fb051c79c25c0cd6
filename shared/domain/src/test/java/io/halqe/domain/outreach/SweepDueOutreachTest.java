package io.halqe.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.cases.Mailer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepDueOutreachTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** Pending until claimed; a claim is a compare-and-set on the status. */
    private static final class InMemoryOutreach implements OutreachRepository {
        final Map<String, Outreach> items = new LinkedHashMap<>();
        final Map<String, String> status = new LinkedHashMap<>();

        @Override
        public List<Outreach> due(Instant now, int limit) {
            return items.values().stream().filter(o -> status.get(o.id()).equals("pending") && !o.dueAt().isAfter(now))
                    .sorted(Comparator.comparing(Outreach::dueAt)).limit(limit).toList();
        }

        @Override
        public boolean claim(Outreach outreach, Instant now) {
            return status.replace(outreach.id(), "pending", "sending");
        }

        @Override
        public void markSent(Outreach outreach, Instant now) {
            status.put(outreach.id(), "sent");
        }

        @Override
        public void release(Outreach outreach) {
            status.put(outreach.id(), "pending");
        }

        @Override
        public void schedule(Outreach outreach) {
            items.putIfAbsent(outreach.id(), outreach);
            status.putIfAbsent(outreach.id(), "pending");
        }
    }

    @Test
    void sweep_shouldSendOnlyWhatIsDue_andEachOnce() {
        // GIVEN one invitation due now and one due tomorrow
        InMemoryOutreach outreach = new InMemoryOutreach();
        List<Mailer.Email> sent = new ArrayList<>();
        outreach.schedule(new Outreach("o1", "invitation", "demo-nps", "c1", "a@example.com", "fa", NOW.minusSeconds(1)));
        outreach.schedule(new Outreach("o2", "invitation", "demo-nps", "c2", "b@example.com", "en", NOW.plusSeconds(86400)));
        SweepDueOutreach sweep = new SweepDueOutreach(outreach, sent::add, "https://f.example.com");
        // WHEN two sweeps run now
        var first = sweep.sweep(NOW);
        var second = sweep.sweep(NOW);
        // THEN only the due one went out, once, with a link in its language
        assertThat(first.sent()).isEqualTo(1);
        assertThat(second.sent()).isZero();
        assertThat(sent).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("a@example.com");
            assertThat(email.text()).contains("https://f.example.com/s/demo-nps?lang=fa");
        });
        // AND the next day's sweep sends the other
        assertThat(sweep.sweep(NOW.plusSeconds(86400)).sent()).isEqualTo(1);
    }
}
