package io.halqe.domain.alerts;

import io.halqe.domain.core.Notifier;

import io.halqe.domain.core.Mailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.fakes.InMemoryCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalateOverdueCasesTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofHours(48));
    private final InMemoryCases cases = new InMemoryCases();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<Notifier.Notification> alerts = new ArrayList<>();
    private int mailFailuresLeft;
    private final io.halqe.domain.fakes.InMemoryParkedWork parked = new io.halqe.domain.fakes.InMemoryParkedWork();
    private final EscalateOverdueCases escalate = new EscalateOverdueCases(cases, email -> {
        if (mailFailuresLeft-- > 0) {
            throw new IllegalStateException("SES throttled");
        }
        emails.add(email);
    }, alerts::add, cases, "escalations@example.com", "https://fb.example.com",
            new AlertStorms(new io.halqe.domain.fakes.InMemoryCounters(), 0, new io.halqe.domain.fakes.InMemoryDigests(),
                    java.time.ZoneOffset.UTC), parked);

    private void open(String id, CaseStatus status) {
        cases.openIfAbsent(new FollowUpCase(id, "r-" + id, "demo-nps", status, "support", "lead@example.com",
                "Detractor (2/10)", 2, "<script>x</script> late", "en", OPENED, DUE));
    }

    @Test
    void escalate_shouldFoldAnEscalationStormIntoTheHoursSummary() {
        // GIVEN escalations limited to 1 email and 1 SNS alert an hour, and 3 cases overdue at once
        var digests = new io.halqe.domain.fakes.InMemoryDigests();
        var guarded = new EscalateOverdueCases(cases, emails::add, alerts::add, cases, "escalations@example.com",
                "https://fb.example.com", new AlertStorms(new io.halqe.domain.fakes.InMemoryCounters(), 1, digests,
                java.time.ZoneOffset.UTC), parked);
        open("c-1", CaseStatus.OPEN);
        open("c-2", CaseStatus.OPEN);
        open("c-3", CaseStatus.ACKNOWLEDGED);
        // WHEN the sweep runs past their due time
        assertThat(guarded.escalate(DUE.plusSeconds(60)).escalated()).isEqualTo(3);
        // THEN all 3 are escalated, one email and one alert went out, and the other 2 wait for the hour's summary
        assertThat(emails).hasSize(1);
        assertThat(alerts).hasSize(1);
        var hour = DigestPeriod.HOUR.key(DUE.plusSeconds(60), java.time.ZoneOffset.UTC);
        assertThat(digests.entries(DigestPeriod.HOUR, hour)).hasSize(4)
                .extracting(DigestEntry::recipient).containsOnly("escalations@example.com", AlertStorms.TEAM_ALERTS);
    }

    @Test
    void escalate_shouldWriteTheEmailInTheCaseTeamsLanguageAndDigits_whenTheTeamReadsPersian() {
        // GIVEN a case of a team that reads Persian, and escalation emails that know the teams
        var teams = new io.halqe.domain.fakes.InMemoryTeams();
        teams.save(new io.halqe.domain.core.Team("support", "پشتیبانی", "lead@example.com", List.of(), null, null,
                "fa"));
        var persian = new EscalateOverdueCases(cases, emails::add, alerts::add, cases, "escalations@example.com",
                "https://fb.example.com", new AlertStorms(new io.halqe.domain.fakes.InMemoryCounters(), 0,
                new io.halqe.domain.fakes.InMemoryDigests(), java.time.ZoneOffset.UTC), parked,
                at -> at.toString().substring(0, 10), teams);
        open("c-1", CaseStatus.OPEN);
        // WHEN the sweep escalates it
        persian.escalate(DUE.plusSeconds(60));
        // THEN the email is in Persian, with the due date in Persian digits, right to left, still escaped
        Mailer.Email email = emails.getFirst();
        assertThat(email.subject()).isEqualTo("[Halqe] دیرکرد: Detractor (2/10) در demo-nps — پرونده c-1");
        assertThat(email.text()).startsWith("پرونده c-1 در وضعیت open است و موعدش ۲۰۲۶-۱۱-۲۵ بود")
                .contains("باز کردن: https://fb.example.com/console/cases/c-1");
        assertThat(email.html()).contains("lang=\"fa\" dir=\"rtl\"").contains("border-right:3px")
                .contains("<b>۲۰۲۶-۱۱-۲۵</b>").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains(">باز کردن پرونده</a>");
    }

    @Test
    void escalate_shouldWriteTheDueTimeAsTheTeamReadsDates_whenGiven() {
        // GIVEN escalation emails that write moments the way the reporting calendar does (here: marked)
        var dated = new EscalateOverdueCases(cases, emails::add, alerts::add, cases, "escalations@example.com", null,
                new AlertStorms(new io.halqe.domain.fakes.InMemoryCounters(), 0, new io.halqe.domain.fakes.InMemoryDigests(),
                        java.time.ZoneOffset.UTC), parked, at -> "<" + at.getEpochSecond() + ">");
        open("c-1", CaseStatus.OPEN);
        // WHEN the sweep escalates it
        dated.escalate(DUE.plusSeconds(60));
        // THEN both parts say when it was due that way, and the HTML escapes what the calendar wrote
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.text()).contains("was due <" + DUE.getEpochSecond() + "> (now <"
                    + DUE.plusSeconds(60).getEpochSecond() + ">)").doesNotContain(DUE.toString());
            assertThat(email.html()).contains("was due <b>&lt;" + DUE.getEpochSecond() + "&gt;</b>");
        });
    }

    @Test
    void escalate_shouldEscalateOnlyUnresolvedCasesPastDue_once() {
        // GIVEN an open case, one in progress, one resolved — all due at DUE
        open("c-open", CaseStatus.OPEN);
        open("c-work", CaseStatus.IN_PROGRESS);
        open("c-done", CaseStatus.RESOLVED);
        // WHEN the sweep runs before the due time THEN nothing happens
        assertThat(escalate.escalate(DUE.minusSeconds(1)).escalated()).isZero();
        assertThat(emails).isEmpty();
        // WHEN it runs after, twice
        assertThat(escalate.escalate(DUE.plusSeconds(60)).escalated()).isEqualTo(2);
        assertThat(escalate.escalate(DUE.plusSeconds(360)).escalated()).isZero();
        // THEN the two unresolved cases are escalated once each: an email to the contact and an SNS alert
        assertThat(cases.work("c-open").escalatedAt()).isEqualTo(DUE.plusSeconds(60));
        assertThat(cases.work("c-done").escalatedAt()).isNull();
        assertThat(emails).hasSize(2).allSatisfy(email -> {
            assertThat(email.to()).containsExactly("escalations@example.com");
            assertThat(email.html()).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");
        });
        assertThat(emails.get(0).text()).contains("https://fb.example.com/console/cases/c-open");
        assertThat(alerts).hasSize(2).allSatisfy(alert -> assertThat(alert.attributes())
                .containsEntry("rule", "sla-escalation").containsEntry("severity", "high").containsEntry("team", "support"));
    }

    @Test
    void escalate_shouldRetryOnTheNextSweep_andStillEscalateTheOthers_whenOneSendFails() {
        // GIVEN two overdue cases, and SES failing the first send
        open("c-open", CaseStatus.OPEN);
        open("c-work", CaseStatus.IN_PROGRESS);
        mailFailuresLeft = 1;
        // WHEN the sweep runs THEN the failing case is reported and left, and the other still escalates
        var first = escalate.escalate(DUE.plusSeconds(60));
        assertThat(first.escalated()).isEqualTo(1);
        assertThat(first.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.item()).isEqualTo("c-open");
            assertThat(failure.failure()).hasMessageContaining("SES throttled");
        });
        assertThat(cases.work("c-open").escalatedAt()).isNull();
        // AND a sweep within the 5-minute backoff leaves it alone
        assertThat(escalate.escalate(DUE.plusSeconds(120)).escalated()).isZero();
        // AND the next sweep after it escalates it, once
        assertThat(escalate.escalate(DUE.plusSeconds(360)).escalated()).isEqualTo(1);
        assertThat(emails).hasSize(2);
        assertThat(alerts).hasSize(2);
        assertThat(parked.parked).isEmpty();
    }

    @Test
    void escalate_shouldParkTheCaseWithItsReason_whenItFailsFiveTimes_andEscalateItOnceRequeued() {
        // GIVEN an overdue case whose email keeps failing, and another overdue case
        open("c-bad", CaseStatus.OPEN);
        mailFailuresLeft = 5;
        Instant now = DUE.plusSeconds(60);
        // WHEN sweeps run every 5 minutes for four hours
        for (int sweep = 0; sweep < 48; sweep++) {
            escalate.escalate(now.plus(Duration.ofMinutes(5L * sweep)));
        }
        // THEN it was tried five times (backing off), then parked with why, and the sweep no longer takes it
        assertThat(parked.list(10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("escalation:c-bad");
            assertThat(entry.attempts()).isEqualTo(5);
            assertThat(entry.reason()).contains("SES throttled");
        });
        assertThat(cases.overdue(CaseStatus.OPEN, now.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(emails).isEmpty();
        // WHEN a team re-queues it (the sweep's failures forgotten) THEN the next sweep escalates it once
        cases.clearEscalationFailures("c-bad");
        parked.remove("escalation:c-bad");
        assertThat(escalate.escalate(now.plus(Duration.ofDays(1))).escalated()).isEqualTo(1);
        assertThat(emails).hasSize(1);
    }

    @Test
    void escalate_shouldParkAtOnce_whenTheProviderRefusesTheAddressForGood() {
        // GIVEN an overdue case and an escalation contact the provider refuses
        open("c-1", CaseStatus.OPEN);
        var refusing = new EscalateOverdueCases(cases, email -> {
            throw new io.halqe.domain.core.Undeliverable("the address is not valid", null);
        }, alerts::add, cases, "escalations@example.com", "https://fb.example.com",
                new AlertStorms(new io.halqe.domain.fakes.InMemoryCounters(), 0, new io.halqe.domain.fakes.InMemoryDigests(),
                        java.time.ZoneOffset.UTC), parked);
        // WHEN the sweep runs
        var result = refusing.escalate(DUE.plusSeconds(60));
        // THEN it is parked after that one attempt
        assertThat(result.failures()).singleElement().extracting(failure -> failure.outcome()).isEqualTo("parked after 1 attempts");
        assertThat(parked.parked).containsKey("escalation:c-1");
    }
}
