package io.halqe.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryOutreach;
import io.halqe.domain.fakes.InMemorySuppressionList;
import io.halqe.domain.core.Customer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepDueOutreachTest {

    /** 10:00 in Berlin, outside quiet hours. */
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Customer SARA = new Customer("c1", "sara@example.com", null, "Sara", "fa");

    private final InMemoryOutreach outreach = new InMemoryOutreach();
    private final InMemorySuppressionList suppression = new InMemorySuppressionList();
    private final Set<String> answeredInvitations = new HashSet<>();
    private final List<Outreach> sent = new ArrayList<>();
    private int sendFailuresLeft;
    private ContactPolicy policy = ContactPolicy.DEFAULTS;
    private final SweepDueOutreach sweep = new SweepDueOutreach(outreach,
            new ContactGate(outreach, suppression, () -> policy, ZoneId.of("UTC")),
            (survey, invitation) -> answeredInvitations.contains(invitation), (due, at) -> {
                if (sendFailuresLeft-- > 0) {
                    throw new IllegalStateException("SES throttled");
                }
                sent.add(due);
                return true;
            }, ZoneId.of("UTC"));

    private static Outreach invitation(String id, Customer customer, Instant due) {
        return new Outreach(id, Outreach.Kind.INVITATION, "demo-nps", "email", customer, "Europe/Berlin",
                Map.of("orderId", "A-1"), id, null, 0, due);
    }

    @Test
    void sweep_shouldSendWhatIsDue_once_andScheduleOneReminder() {
        // GIVEN an invitation due now and one due tomorrow
        outreach.schedule(invitation("o1", SARA, NOW.minusSeconds(1)));
        outreach.schedule(invitation("o2", new Customer("c2", "b@example.com", null, null, "en"), NOW.plus(Duration.ofDays(1))));
        // WHEN two sweeps overlap
        assertThat(sweep.sweep(NOW).sent()).isEqualTo(1);
        assertThat(sweep.sweep(NOW).sent()).isZero();
        // THEN the due invitation went out once, and its reminder waits three days, carrying the same invitation
        assertThat(sent).extracting(Outreach::id).containsExactly("o1");
        assertThat(outreach.find("o1-r1")).hasValueSatisfying(reminder -> {
            assertThat(reminder.outreach().kind()).isEqualTo(Outreach.Kind.REMINDER);
            assertThat(reminder.outreach().invitationId()).isEqualTo("o1");
            assertThat(reminder.outreach().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        });
    }

    @Test
    void reminder_shouldGoToNonRespondersOnce_andNeverAfterAnAnswer() {
        outreach.schedule(invitation("o1", SARA, NOW));
        outreach.schedule(invitation("o2", new Customer("c2", "b@example.com", null, null, "en"), NOW));
        sweep.sweep(NOW);
        // GIVEN the second customer answered
        answeredInvitations.add("o2");
        // WHEN three days pass, and then three more
        sweep.sweep(NOW.plus(Duration.ofDays(3)));
        sweep.sweep(NOW.plus(Duration.ofDays(6)));
        // THEN one reminder to the first, none to the second, and no second reminder (default: one)
        assertThat(sent).extracting(Outreach::id).containsExactly("o1", "o2", "o1-r1");
        assertThat(outreach.status("o2-r1")).isEqualTo("skipped:answered");
        assertThat(outreach.find("o1-r2")).isEmpty();
    }

    @Test
    void frequencyCap_shouldHoldASecondInvitationWithin30Days_acrossSurveys_butNotAReSurvey() {
        outreach.schedule(invitation("o1", SARA, NOW));
        outreach.schedule(new Outreach("o2", Outreach.Kind.INVITATION, "checkout-csat", "email", SARA, null, null, "o2",
                null, 0, NOW.plus(Duration.ofDays(10))));
        outreach.schedule(new Outreach("resurvey-case-1", Outreach.Kind.RESURVEY, "demo-nps", "email", SARA, null, null,
                "resurvey-case-1", "case-1", 0, NOW.plus(Duration.ofDays(11))));
        outreach.schedule(invitation("o3", SARA, NOW.plus(Duration.ofDays(31))));
        sweep.sweep(NOW);
        sweep.sweep(NOW.plus(Duration.ofDays(10)));
        sweep.sweep(NOW.plus(Duration.ofDays(11)));
        sweep.sweep(NOW.plus(Duration.ofDays(31)));
        // THEN the second survey's invitation is capped, the re-survey is exempt, and the re-survey counts: day 31 is
        // within 30 days of it, so the third invitation is capped too
        assertThat(outreach.status("o2")).isEqualTo("skipped:frequency_cap");
        assertThat(outreach.status("resurvey-case-1")).isEqualTo("sent");
        assertThat(outreach.status("o3")).isEqualTo("skipped:frequency_cap");
    }

    @Test
    void frequencyCap_shouldFollowASurveysOverride() {
        policy = new ContactPolicy("P30D", Map.of("demo-nps", "P7D"), null, null, "P3D", 0, "P7D", Map.of());
        outreach.schedule(invitation("o1", SARA, NOW));
        outreach.schedule(invitation("o2", SARA, NOW.plus(Duration.ofDays(8))));
        sweep.sweep(NOW);
        sweep.sweep(NOW.plus(Duration.ofDays(8)));
        assertThat(sent).extracting(Outreach::id).containsExactly("o1", "o2");
    }

    @Test
    void quietHours_shouldDeferToTheMorningInTheCustomersZone() {
        // GIVEN an invitation due at 23:30 in Tehran (20:00Z)
        Instant lateEvening = Instant.parse("2026-11-23T20:00:00Z");
        outreach.schedule(new Outreach("o1", Outreach.Kind.INVITATION, "demo-nps", "email", SARA, "Asia/Tehran", null,
                "o1", null, 0, lateEvening));
        // WHEN the sweep runs THEN it waits until 09:00 Tehran (05:30Z)
        assertThat(sweep.sweep(lateEvening).deferred()).isEqualTo(1);
        assertThat(outreach.find("o1").orElseThrow().outreach().dueAt()).isEqualTo(Instant.parse("2026-11-24T05:30:00Z"));
        assertThat(sweep.sweep(Instant.parse("2026-11-24T05:25:00Z")).sent()).isZero();
        assertThat(sweep.sweep(Instant.parse("2026-11-24T05:30:00Z")).sent()).isEqualTo(1);
    }

    @Test
    void sweep_shouldSkipSuppressedAndAddresslessCustomers() {
        suppression.suppress("sara@example.com", "unsubscribed", NOW);
        outreach.schedule(invitation("o1", SARA, NOW));
        outreach.schedule(invitation("o2", new Customer("c3", null, null, null, "en"), NOW));
        sweep.sweep(NOW);
        assertThat(sent).isEmpty();
        assertThat(outreach.status("o1")).isEqualTo("skipped:suppressed");
        assertThat(outreach.status("o2")).isEqualTo("skipped:no_address");
    }

    @Test
    void sweep_shouldRetryAFailedSendAfterItsBackoff_withoutLosingTheCustomersSlot_andGoOnWithTheOthers() {
        // GIVEN two invitations due, and the first send failing once
        outreach.schedule(invitation("o1", SARA, NOW.minusSeconds(2)));
        outreach.schedule(invitation("o2", new Customer("c2", "b@example.com", null, null, "en"), NOW.minusSeconds(1)));
        sendFailuresLeft = 1;
        // WHEN the sweep runs THEN the failure is reported, the other is sent, and the failed one waits 5 minutes
        var swept = sweep.sweep(NOW);
        assertThat(swept.sent()).isEqualTo(1);
        assertThat(swept.failures()).singleElement().satisfies(failure -> assertThat(failure.outcome())
                .isEqualTo("retried in PT5M"));
        assertThat(outreach.status("o1")).isEqualTo("pending");
        assertThat(sweep.sweep(NOW.plusSeconds(60)).sent()).isZero();
        assertThat(sweep.sweep(NOW.plusSeconds(301)).sent()).isEqualTo(1);
    }

    @Test
    void sweep_shouldParkAnItem_afterFiveFailedAttempts_orAtOnceWhenTheProviderRefusesIt() {
        // GIVEN an invitation whose send always fails, and one the provider refuses for good
        outreach.schedule(invitation("o1", SARA, NOW));
        SweepDueOutreach refusing = new SweepDueOutreach(outreach, new ContactGate(outreach, suppression, () -> policy,
                ZoneId.of("UTC")), (survey, invitation) -> false, (due, at) -> {
                    if (due.id().equals("o2")) {
                        throw new io.halqe.domain.core.Undeliverable("SES: Illegal address", null);
                    }
                    throw new IllegalStateException("SMS provider down");
                }, ZoneId.of("UTC"));
        outreach.schedule(invitation("o2", new Customer("c2", "b@example.com", null, null, "en"), NOW));
        // WHEN sweeps run for the next two hours
        for (int minute = 0; minute <= 120; minute += 5) {
            refusing.sweep(NOW.plus(Duration.ofMinutes(minute)));
        }
        // THEN both are parked, with their reasons: the refused one at once, the failing one after 5 attempts
        assertThat(outreach.parked(10)).extracting(parked -> parked.outreach().id() + " " + parked.attempts() + " "
                + parked.reason()).containsExactlyInAnyOrder("o2 0 Undeliverable: SES: Illegal address",
                "o1 5 IllegalStateException: SMS provider down");
        assertThat(outreach.due(NOW.plus(Duration.ofDays(1)), 10)).isEmpty();
        // AND a parked one can be put back in the sweep
        assertThat(outreach.requeue("o1", NOW.plus(Duration.ofHours(3)))).isTrue();
        assertThat(outreach.status("o1")).isEqualTo("pending");
    }

    @Test
    void relationshipCadence_shouldReInviteEveryNDays() {
        policy = new ContactPolicy("P30D", Map.of(), null, null, "P3D", 0, "P7D", Map.of("demo-nps", 90));
        outreach.schedule(invitation("o1", SARA, NOW));
        sweep.sweep(NOW);
        sweep.sweep(NOW.plus(Duration.ofDays(90)));
        sweep.sweep(NOW.plus(Duration.ofDays(180)));
        assertThat(sent).extracting(Outreach::kind).containsExactly(Outreach.Kind.INVITATION,
                Outreach.Kind.RELATIONSHIP, Outreach.Kind.RELATIONSHIP);
    }
}
