package io.halqe.domain.outreach;

import io.halqe.domain.core.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryOutreach;
import io.halqe.domain.fakes.InMemorySuppressionList;
import io.halqe.domain.core.Customer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckContactTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final InMemoryOutreach contacts = new InMemoryOutreach();
    private final InMemorySuppressionList suppression = new InMemorySuppressionList();
    private final CheckContact check = new CheckContact(
            new ContactGate(contacts, suppression, () -> ContactPolicy.DEFAULTS, ZoneId.of("UTC")));

    private ContactDecision decide(Customer customer, String kind, String timeZone) {
        var outcome = check.check(new CheckContact.Request("demo-nps", null, kind, customer, timeZone, null), NOW);
        return ((CheckContact.Outcome.Checked) outcome).decision();
    }

    @Test
    void check_shouldSayWhyACustomerWouldNotBeContacted_withoutChangingAnything() {
        Customer sara = new Customer("c1", "sara@example.com", null, null, "fa");
        assertThat(decide(sara, null, "Europe/Berlin")).isInstanceOf(ContactDecision.Contact.class);
        // invited 10 days ago: capped until day 30, but a re-survey would go
        contacts.record("id:c1", "o-earlier", NOW.minus(Duration.ofDays(10)));
        assertThat(decide(sara, null, "Europe/Berlin")).isInstanceOfSatisfying(ContactDecision.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo("frequency_cap");
            assertThat(skip.detail()).contains(NOW.plus(Duration.ofDays(20)).toString());
        });
        assertThat(decide(sara, "resurvey", "Europe/Berlin")).isInstanceOf(ContactDecision.Contact.class);
        // 09:00Z is 01:00 in Los Angeles: deferred to 09:00 there
        Customer lee = new Customer("c2", "lee@example.com", null, null, "en");
        assertThat(decide(lee, null, "America/Los_Angeles")).isEqualTo(
                new ContactDecision.Defer(Instant.parse("2026-11-23T17:00:00Z")));
        suppression.suppress("lee@example.com", "unsubscribed", NOW);
        assertThat(decide(lee, null, "America/Los_Angeles")).isInstanceOfSatisfying(ContactDecision.Skip.class,
                skip -> assertThat(skip.reason()).isEqualTo("suppressed"));
        // nothing was claimed
        assertThat(contacts.lastContact("id:c2")).isEmpty();
    }

    @Test
    void check_shouldNameTheField_whenTheRequestIsIncomplete() {
        assertThat(check.check(new CheckContact.Request(null, null, null, new Customer("c", null, null, null, null), null,
                null), NOW)).isEqualTo(new CheckContact.Outcome.Invalid(new Problem("surveyId", "is required")));
        assertThat(check.check(new CheckContact.Request("s", null, "postcard", new Customer("c", null, null, null, null),
                null, null), NOW)).isInstanceOf(CheckContact.Outcome.Invalid.class);
    }

    @Test
    void policyProblem_shouldNameTheField() {
        assertThat(ContactPolicy.DEFAULTS.problem()).isEmpty();
        assertThat(new ContactPolicy("30 days", Map.of(), null, null, "P3D", 1, "P7D", Map.of()).problem())
                .contains("frequencyCap must be a positive ISO-8601 duration such as P30D");
        assertThat(new ContactPolicy("P30D", Map.of(), "21:00", null, "P3D", 1, "P7D", Map.of()).problem())
                .contains("quietHoursStart and quietHoursEnd must both be HH:mm, or both absent");
        assertThat(new ContactPolicy("P30D", Map.of(), null, null, "P3D", 9, "P7D", Map.of()).problem())
                .contains("maxReminders must be from 0 to 3");
    }
}
