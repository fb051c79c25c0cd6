package io.halqe.aws.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Customer;
import io.halqe.domain.outreach.TouchpointTrigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRulerTriggerMatcherTest {

    private final EventRulerTriggerMatcher matcher = new EventRulerTriggerMatcher(() -> List.of(
            TouchpointTrigger.demoOrderDelivered(),
            new TouchpointTrigger("vip-tickets", "{\"source\":[\"helpdesk\"],\"detail-type\":[\"TicketClosed\"],"
                    + "\"detail\":{\"priority\":[\"high\"]}}", "support-ces", "sms", "PT10M",
                    Map.of("id", "$.detail.requester.id", "phone", "$.detail.requester.phone"),
                    Map.of("ticket", "$.detail.ticketId"))));

    @Test
    void matching_shouldReadTheCustomerAndHiddenFieldsByPath_whenTheSourceAndTypeMatch() {
        String event = """
                {"version":"0","id":"ev-1","source":"demo.shop","detail-type":"OrderDelivered","time":"2026-11-23T10:00:00Z",
                 "detail":{"customer":{"id":"c1","email":"sara@example.com","name":"Sara","locale":"fa-IR",
                 "timeZone":"Asia/Tehran"},"orderId":1001}}""";
        assertThat(matcher.matching(event)).singleElement().satisfies(match -> {
            assertThat(match.trigger().id()).isEqualTo("demo-order-delivered");
            assertThat(match.customer()).isEqualTo(new Customer("c1", "sara@example.com", null, "Sara", "fa-IR"));
            assertThat(match.timeZone()).isEqualTo("Asia/Tehran");
            assertThat(match.hidden()).containsExactly(Map.entry("orderId", "1001"));
        });
    }

    @Test
    void matching_shouldApplyDetailConditions_andIgnoreOtherEvents() {
        String low = "{\"id\":\"e\",\"source\":\"helpdesk\",\"detail-type\":\"TicketClosed\",\"detail\":{\"priority\":\"low\"}}";
        String high = "{\"id\":\"e\",\"source\":\"helpdesk\",\"detail-type\":\"TicketClosed\",\"detail\":{\"priority\":\"high\","
                + "\"ticketId\":\"T-9\",\"requester\":{\"id\":\"c2\",\"phone\":\"+989121234567\"}}}";
        String other = "{\"id\":\"e\",\"source\":\"demo.shop\",\"detail-type\":\"OrderShipped\",\"detail\":{}}";
        assertThat(matcher.matching(low)).isEmpty();
        assertThat(matcher.matching(other)).isEmpty();
        assertThat(matcher.matching(high)).singleElement().satisfies(match -> {
            assertThat(match.customer().phone()).isEqualTo("+989121234567");
            assertThat(match.customer().email()).isNull();
            assertThat(match.hidden()).containsEntry("ticket", "T-9");
        });
    }
}
