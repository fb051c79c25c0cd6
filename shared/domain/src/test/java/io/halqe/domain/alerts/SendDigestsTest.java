package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryDigests;
import io.halqe.domain.fakes.SaturdayWeeks;
import io.halqe.domain.scoring.ReportingCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendDigestsTest {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ReportingCalendar SATURDAY_WEEKS = new SaturdayWeeks();
    private final InMemoryDigests digests = new InMemoryDigests();
    private final InMemoryCases ledger = new InMemoryCases();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<io.halqe.domain.core.Notifier.Notification> alerts = new ArrayList<>();
    private final io.halqe.domain.fakes.InMemoryParkedWork parked = new io.halqe.domain.fakes.InMemoryParkedWork();
    private final io.halqe.domain.fakes.InMemoryCounters attempts = new io.halqe.domain.fakes.InMemoryCounters();
    private final SendDigests send = new SendDigests(digests, emails::add, alerts::add, ledger,
            new AlertSettings("support", "owner@example.com", "https://fb.example.com", TEHRAN), attempts, parked);

    private void entry(String period, String key, String recipient, String responseId, String comment, String caseId) {
        entry(period, key, recipient, responseId, comment, caseId, null);
    }

    private void entry(String period, String key, String recipient, String responseId, String comment, String caseId,
                       String language) {
        digests.add(new DigestEntry(period, key, recipient, "bug", "Bug report", "medium", "engineering", responseId,
                "demo-nps", 3, comment, "negative", List.of("usability"), "bug", "Sara", caseId,
                Instant.parse("2026-11-23T09:00:00Z"), language));
    }

    @Test
    void send_shouldWriteTheDigestInItsTeamsLanguageAndDigits_andInEnglishWhenTeamsReadDifferentOnes() {
        // GIVEN two matches for a team that reads Persian, and for another recipient one Persian and one Arabic
        entry("daily", "2026-11-23", "eng@example.com", "r1", "برنامه بسته می‌شود", "case-r1", "fa");
        entry("daily", "2026-11-23", "eng@example.com", "r2", "دکمه کار نمی‌کند", null, "fa");
        entry("daily", "2026-11-23", "lead@example.com", "r3", "Export fails", null, "fa");
        entry("daily", "2026-11-23", "lead@example.com", "r4", "Login fails", null, "ar");
        // WHEN the day's digests go out
        assertThat(send.send(Instant.parse("2026-11-23T23:00:00Z")).sent()).isEqualTo(2);
        // THEN the team's digest is in Persian, with Persian digits, right to left, escaped as ever
        Mailer.Email persian = emails.get(0);
        assertThat(persian.subject()).isEqualTo("[Halqe] گزارش روزانهٔ ۲۰۲۶-۱۱-۲۳: ۲ مورد");
        assertThat(persian.html()).contains("lang=\"fa\" dir=\"rtl\"").contains("Bug report (۲)")
                .contains(">پرونده</a>");
        assertThat(persian.text()).contains("demo-nps · ۳/۱۰ · Sara · usability");
        // AND the mixed one is in English
        assertThat(emails.get(1).subject()).isEqualTo("[Halqe] Daily digest 2026-11-23: 2 matches");
        assertThat(emails.get(1).html()).doesNotContain("dir=\"rtl\"");
    }

    @Test
    void send_shouldMailEachRecipientOneDigest_onceTheDayIsOverInTheReportingZone() {
        // GIVEN two matches for engineering and one for product on 2026-11-23 (Tehran)
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes <script>x</script>", "case-r1");
        entry("daily", "2026-11-23", "eng@example.com", "r2", "Button broken", null);
        entry("daily", "2026-11-23", "product@example.com", "r3", "Export fails", null);
        // WHEN the hourly run comes before the day ended + grace (Tehran midnight is 20:30Z, + 2h)
        assertThat(send.send(Instant.parse("2026-11-23T22:00:00Z")).sent()).isZero();
        // AND after it
        int sent = send.send(Instant.parse("2026-11-23T23:00:00Z")).sent();
        // THEN one email per recipient, listing their matches escaped, with the case link
        assertThat(sent).isEqualTo(2);
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("eng@example.com", "product@example.com");
        Mailer.Email engineering = emails.get(0);
        assertThat(engineering.subject()).isEqualTo("[Halqe] Daily digest 2026-11-23: 2 matches");
        assertThat(engineering.html()).contains("Crashes &lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>")
                .contains("https://fb.example.com/console/cases/case-r1").contains("Bug report (2)");
        assertThat(engineering.text()).contains("Button broken").contains("demo-nps · 3/10 · Sara · usability");
        // AND later runs (including the catch-up of the day before) send nothing again
        assertThat(send.send(Instant.parse("2026-11-24T00:00:00Z")).sent()).isZero();
        assertThat(send.send(Instant.parse("2026-11-24T23:00:00Z")).sent()).isZero();
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
        }, alerts::add, ledger, new AlertSettings("support", "owner@example.com", "https://fb.example.com", TEHRAN),
                attempts, parked);
        // WHEN the run fails on the first THEN the second was still mailed, and the run reports the failure
        assertThat(flaky.send(Instant.parse("2026-11-23T23:00:00Z")).failures()).singleElement()
                .satisfies(failure -> assertThat(failure.failure()).hasMessageContaining("throttled"));
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("product@example.com");
        // AND the retry sends the first one alone
        assertThat(flaky.send(Instant.parse("2026-11-23T23:05:00Z")).sent()).isEqualTo(1);
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("product@example.com", "eng@example.com");
    }

    @Test
    void send_shouldCatchUp_whenTheRunAfterTheDayWasMissed() {
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes", null);
        // WHEN the first run after the day comes a whole day late
        assertThat(send.send(Instant.parse("2026-11-24T23:00:00Z")).sent()).isEqualTo(1);
    }

    @Test
    void send_shouldSendTheWeeklyDigest_afterTheIsoWeekEnds() {
        // GIVEN an entry in ISO week 48 of 2026 (Mon 23 – Sun 29 November)
        entry("weekly", "2026-W48", "marketing@example.com", "r9", "Wonderful", null);
        assertThat(send.send(Instant.parse("2026-11-29T12:00:00Z")).sent()).isZero();
        // WHEN Monday 30 November has begun in Tehran (Sunday 20:30Z) and the grace has passed
        assertThat(send.send(Instant.parse("2026-11-29T23:00:00Z")).sent()).isEqualTo(1);
        assertThat(emails.get(0).subject()).isEqualTo("[Halqe] Weekly digest 2026-W48: 1 match");
    }

    @Test
    void send_shouldSendTheWeeklyDigestAfterFriday_andWriteDatesInTheCalendar_whenTheReportingCalendarStartsWeeksOnSaturday() {
        // GIVEN teams that read a calendar whose weeks run Saturday to Friday (and that marks the dates it writes)
        var send = new SendDigests(digests, emails::add, alerts::add, ledger, new AlertSettings("support",
                "owner@example.com", null, TEHRAN, SATURDAY_WEEKS), attempts, parked);
        // AND a weekly match on Saturday 28 November (Tehran) and a daily one on Thursday 3 December
        Instant saturday = Instant.parse("2026-11-28T09:00:00Z");
        String week = DigestPeriod.WEEKLY.key(saturday, TEHRAN, SATURDAY_WEEKS);
        entry("weekly", week, "marketing@example.com", "r9", "Wonderful", null);
        entry("daily", "2026-12-03", "eng@example.com", "r1", "Crashes", null);
        // WHEN the hourly runs come on Friday 4 December, then once Saturday has begun in Tehran (20:30Z) and the grace
        int duringFriday = send.send(Instant.parse("2026-12-04T12:00:00Z")).sent();
        int afterFriday = send.send(Instant.parse("2026-12-04T23:00:00Z")).sent();
        // THEN the week is the one starting that Saturday, and goes out only once it is over
        assertThat(week).isEqualTo("S2026-11-28");
        assertThat(DigestPeriod.WEEKLY.key(Instant.parse("2026-11-27T09:00:00Z"), TEHRAN, SATURDAY_WEEKS))
                .isEqualTo("S2026-11-21");
        assertThat(duringFriday).isEqualTo(1);
        assertThat(afterFriday).isEqualTo(1);
        // AND each subject names its period as the team's calendar writes it
        assertThat(emails).extracting(Mailer.Email::subject).containsExactly(
                "[Halqe] Daily digest D2026-12-03: 1 match", "[Halqe] Weekly digest S2026-11-28: 1 match");
    }

    @Test
    void send_shouldStillSendAnIsoWeeksMatches_whenTheReportingCalendarWasChangedDuringTheWeek() {
        // GIVEN a match stored under ISO week 48 before the teams' calendar was changed to weeks from Saturday
        entry("weekly", "2026-W48", "marketing@example.com", "r9", "Wonderful", null);
        var send = new SendDigests(digests, emails::add, alerts::add, ledger, new AlertSettings("support",
                "owner@example.com", null, TEHRAN, SATURDAY_WEEKS), attempts, parked);
        // WHEN the hourly runs go on past the end of that ISO week (Sunday 29 November in Tehran) and the next
        for (Instant at = Instant.parse("2026-11-29T12:00:00Z"); at.isBefore(Instant.parse("2026-12-08T00:00:00Z"));
             at = at.plusSeconds(3600)) {
            send.send(at);
        }
        // THEN its digest goes out once, after the ISO week ended
        assertThat(emails).extracting(Mailer.Email::subject).containsExactly("[Halqe] Weekly digest 2026-W48: 1 match");
    }

    @Test
    void send_shouldListAtMostTheLimitAndCountTheRest_whenADigestIsLarge() {
        for (int i = 0; i < AlertEmails.DIGEST_LISTED + 5; i++) {
            entry("daily", "2026-11-23", "eng@example.com", "r" + i, "comment " + i, null);
        }
        send.send(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(emails.get(0).text()).contains("… and 5 more.");
    }

    @Test
    void send_shouldParkARecipientsDigestWithItsReason_whenItsPeriodIsAboutToDropOut_andSendItOnceRequeued() {
        // GIVEN a daily digest whose email keeps failing, and another recipient's that goes out
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes", null);
        entry("daily", "2026-11-23", "product@example.com", "r3", "Export fails", null);
        boolean[] failing = {true};
        SendDigests flaky = new SendDigests(digests, email -> {
            if (failing[0] && email.to().contains("eng@example.com")) {
                throw new IllegalStateException("SES throttled");
            }
            emails.add(email);
        }, alerts::add, ledger, new AlertSettings("support", "owner@example.com", "https://fb.example.com", TEHRAN),
                attempts, parked);
        // WHEN hourly runs go on while it fails: four are retried, the fifth attempt parks it
        Instant first = Instant.parse("2026-11-23T23:00:00Z");
        for (int hour = 0; hour < 4; hour++) {
            assertThat(flaky.send(first.plusSeconds(3600L * hour)).failures()).singleElement()
                    .satisfies(failure -> assertThat(failure.outcome()).isEqualTo("retried by the next run"));
        }
        assertThat(flaky.send(first.plusSeconds(3600L * 4)).failures()).singleElement()
                .satisfies(failure -> assertThat(failure.outcome()).isEqualTo("parked after 5 attempts"));
        // THEN it is listed with why, named without the address, and later runs leave it alone
        assertThat(parked.list(10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).startsWith("digest:daily#2026-11-23#").doesNotContain("eng@");
            assertThat(entry.reason()).contains("SES throttled");
        });
        assertThat(flaky.send(first.plusSeconds(3600L * 5)).failures()).isEmpty();
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("product@example.com");
        // WHEN the cause is fixed and a team re-queues it THEN the next run sends it, once, and it leaves the list
        failing[0] = false;
        parked.markRequeued(parked.list(10).getFirst().id(), first.plusSeconds(3600L * 6));
        assertThat(flaky.send(first.plusSeconds(3600L * 6)).sent()).isEqualTo(1);
        assertThat(flaky.send(first.plusSeconds(3600L * 7)).sent()).isZero();
        assertThat(emails).extracting(e -> e.to().get(0)).containsExactly("product@example.com", "eng@example.com");
        assertThat(parked.parked).isEmpty();
        assertThat(parked.requeued).isEmpty();
    }

    @Test
    void send_shouldParkAtOnce_whenTheDigestsLastRunFails() {
        // GIVEN a daily digest failing, first tried in the last hourly run that still covers its day
        entry("daily", "2026-11-23", "eng@example.com", "r1", "Crashes", null);
        SendDigests failing = new SendDigests(digests, email -> {
            throw new IllegalStateException("SES down");
        }, alerts::add, ledger, new AlertSettings("support", "owner@example.com", "https://fb.example.com", TEHRAN),
                attempts, parked);
        // WHEN that run fails (the 23rd is tried while it is one of the two closed days: until the 25th begins in
        // Tehran at 20:30Z on the 24th, plus a day, plus the 2 h grace — the run at 22:00Z on the 25th is the last)
        var run = failing.send(Instant.parse("2026-11-25T22:00:00Z"));
        // THEN it is parked, not silently dropped when its day leaves the runs
        assertThat(run.failures()).singleElement().satisfies(failure ->
                assertThat(failure.outcome()).isEqualTo("parked after 1 attempts"));
        assertThat(parked.parked).hasSize(1);
    }
}
