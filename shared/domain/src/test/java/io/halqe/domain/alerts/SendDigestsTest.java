package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryDigests;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendDigestsTest {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private final InMemoryDigests digests = new InMemoryDigests();
    private final InMemoryCases ledger = new InMemoryCases();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<io.halqe.domain.core.Notifier.Notification> alerts = new ArrayList<>();
    private final SendDigests send = new SendDigests(digests, emails::add, alerts::add, ledger,
            new AlertSettings("support", "owner@example.com", "https://fb.example.com", TEHRAN));

    private void entry(String period, String key, String recipient, String responseId, String comment, String caseId) {
        digests.add(new DigestEntry(period, key, recipient, "bug", "Bug report", "medium", "engineering", responseId,
                "demo-nps", 3, comment, "negative", List.of("usability"), "bug", "Sara", caseId,
                Instant.parse("2026-11-23T09:00:00Z")));
    }

    @Test
    void send_shouldMailEachRecipientOneDigest_onceTheDayIsOverInTheReportingZone() {
        // GIVEN two matches for engineering and one for product on 2026-11-23 (Tehran)
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes <script>x</script>", "case-r1");
        entry("daily", "2026-11-23", "eng@example.com", "r2", "Button broken", null);
        entry("daily", "2026-11-23", "product@example.com", "r3", "Export fails", null);
        // WHEN the hourly run comes before the day ended + grace (Tehran midnight is 20:30Z, + 2h)
        assertThat(send.send(Instant.parse("2026-11-23T22:00:00Z"))).isZero();
        // AND after it
        int sent = send.send(Instant.parse("2026-11-23T23:00:00Z"));
        // THEN one email per recipient, listing their matches escaped, with the case link
        assertThat(sent).isEqualTo(2);
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("eng@example.com", "product@example.com");
        Mailer.Email engineering = emails.get(0);
        assertThat(engineering.subject()).isEqualTo("[Halqe] Daily digest 2026-11-23: 2 matches");
        assertThat(engineering.html()).contains("Crashes &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>")
                .contains("https://fb.example.com/api/cases/case-r1").contains("Bug report (2)");
        assertThat(engineering.text()).contains("Button broken").contains("demo-nps · 3/10 · Sara · usability");
        // AND later runs (including the catch-up of the day before) send nothing again
        assertThat(send.send(Instant.parse("2026-11-24T00:00:00Z"))).isZero();
        assertThat(send.send(Instant.parse("2026-11-24T23:00:00Z"))).isZero();
        assertThat(emails).hasSize(2);
    }

    @Test
    void send_shouldStillMailTheOthers_whenOneRecipientsDigestFails_andSendThatOneAloneOnTheRetry() {
        // GIVEN digests for two recipients, and SES failing the first send once
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes", null);
        entry("daily", "2026-11-23", "product@example.com", "r3", "Export fails", null);
        int[] failuresLeft = {1};
        SendDigests flaky = new SendDigests(digests, email -> {
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("SES throttled");
            }
            emails.add(email);
        }, alerts::add, ledger, new AlertSettings("support", "owner@example.com", "https://fb.example.com", TEHRAN));
        // WHEN the run fails on the first THEN the second was still mailed, and the run reports the failure
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flaky.send(Instant.parse("2026-11-23T23:00:00Z")))
                .hasMessageContaining("throttled");
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("product@example.com");
        // AND the retry sends the first one alone
        assertThat(flaky.send(Instant.parse("2026-11-23T23:05:00Z"))).isEqualTo(1);
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("product@example.com", "eng@example.com");
    }

    @Test
    void send_shouldCatchUp_whenTheRunAfterTheDayWasMissed() {
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes", null);
        // WHEN the first run after the day comes a whole day late
        assertThat(send.send(Instant.parse("2026-11-24T23:00:00Z"))).isEqualTo(1);
    }

    @Test
    void send_shouldSendTheWeeklyDigest_afterTheIsoWeekEnds() {
        // GIVEN an entry in ISO week 48 of 2026 (Mon 23 – Sun 29 November)
        entry("weekly", "2026-W48", "marketing@example.com", "r9", "Wonderful", null);
        assertThat(send.send(Instant.parse("2026-11-29T12:00:00Z"))).isZero();
        // WHEN Monday 30 November has begun in Tehran (Sunday 20:30Z) and the grace has passed
        assertThat(send.send(Instant.parse("2026-11-29T23:00:00Z"))).isEqualTo(1);
        assertThat(emails.get(0).subject()).isEqualTo("[Halqe] Weekly digest 2026-W48: 1 match");
    }

    @Test
    void send_shouldListAtMostTheLimitAndCountTheRest_whenADigestIsLarge() {
        for (int i = 0; i < AlertEmails.DIGEST_LISTED + 5; i++) {
            entry("daily", "2026-11-23", "eng@example.com", "r" + i, "comment " + i, null);
        }
        send.send(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(emails.get(0).text()).contains("… and 5 more.");
    }
}
