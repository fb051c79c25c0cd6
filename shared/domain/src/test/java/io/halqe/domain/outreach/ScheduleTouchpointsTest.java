package io.halqe.domain.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryOutreach;
import io.halqe.domain.core.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTouchpointsTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-11-23T10:00:00Z");
    private final InMemoryOutreach outreach = new InMemoryOutreach();
    private final io.halqe.domain.fakes.InMemoryDirectory directory = new io.halqe.domain.fakes.InMemoryDirectory();
    private final TouchpointTrigger demo = TouchpointTrigger.demoOrderDelivered();
    private final ScheduleTouchpoints schedule = new ScheduleTouchpoints(event -> event.contains("OrderDelivered")
            ? List.of(new TriggerMatcher.Match(demo, new Customer("c1", "sara@example.com", null, "Sara", "fa"),
                    "Asia/Tehran", Map.of("orderId", "A-1")))
            : List.of(), outreach, directory);

    @Test
    void handle_shouldScheduleTheInvitationAfterTheDelayFromTheEventsTime_once() {
        // WHEN an OrderDelivered event is delivered twice (same event id)
        List<Outreach> first = schedule.handle("ev-1", EVENT_TIME, "{\"detail-type\":\"OrderDelivered\"}");
        List<Outreach> again = schedule.handle("ev-1", EVENT_TIME.plusSeconds(30), "{\"detail-type\":\"OrderDelivered\"}");
        // THEN one invitation to demo-nps, due an hour after the event, carrying the customer and the order
        assertThat(first).singleElement().satisfies(invitation -> {
            assertThat(invitation.kind()).isEqualTo(Outreach.Kind.INVITATION);
            assertThat(invitation.surveyId()).isEqualTo("demo-nps");
            assertThat(invitation.dueAt()).isEqualTo(EVENT_TIME.plusSeconds(3600));
            assertThat(invitation.customer().email()).isEqualTo("sara@example.com");
            assertThat(invitation.timeZone()).isEqualTo("Asia/Tehran");
            assertThat(invitation.hidden()).containsEntry("orderId", "A-1");
            assertThat(invitation.invitationId()).isEqualTo(invitation.id());
        });
        assertThat(again).isEmpty();
        assertThat(outreach.items).hasSize(1);
    }

    @Test
    void handle_shouldScheduleNothing_whenNoRuleMatches() {
        assertThat(schedule.handle("ev-2", EVENT_TIME, "{\"detail-type\":\"TicketOpened\"}")).isEmpty();
        assertThat(outreach.items).isEmpty();
    }

    @Test
    void problem_shouldNameTheField_whenATriggerIsInvalid() {
        assertThat(Triggers.problem(List.of(demo), p -> true)).isEmpty();
        var noEmail = new TouchpointTrigger("t", "{}", "demo-nps", "email", "PT1H", Map.of("id", "$.detail.id"), null);
        assertThat(Triggers.problem(List.of(noEmail), p -> true)).contains("triggers[0].customer.email is required for the email channel");
        var badDelay = new TouchpointTrigger("t", "{}", "demo-nps", "email", "1h", demo.customer(), null);
        assertThat(Triggers.problem(List.of(badDelay), p -> true)).contains("triggers[0].delay must be an ISO-8601 duration such as PT1H");
        var badPath = new TouchpointTrigger("t", "{}", "demo-nps", "email", "PT1H", Map.of("email", "detail.email"), null);
        assertThat(Triggers.problem(List.of(badPath), p -> true)).contains("triggers[0] paths look like $.detail.customer.email");
    }

    @Test
    void handle_shouldMakeTheEventsCustomerKnown_whenTheDirectoryHasNoEntry() {
        // WHEN an OrderDelivered event names a customer the directory has never seen
        schedule.handle("ev-3", EVENT_TIME, "{\"detail-type\":\"OrderDelivered\"}");
        // THEN the directory knows them, with the event's address, language and time zone
        assertThat(directory.find("c1")).hasValueSatisfying(profile -> {
            assertThat(profile.email()).isEqualTo("sara@example.com");
            assertThat(profile.language()).isEqualTo("fa");
            assertThat(profile.timeZone()).isEqualTo("Asia/Tehran");
        });
    }
}
