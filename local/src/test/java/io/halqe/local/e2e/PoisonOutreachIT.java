package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * One bad item among good ones, from an empty local cloud with documented calls only: a touchpoint event whose
 * customer has an address SES refuses, an SMS-only trigger (a phone, no email), a good invitation and a case falling
 * overdue, all in the same sweep. The good ones go out, the SLA escalation too, and the bad one is parked, with why.
 */
class PoisonOutreachIT extends LocalCloudProcess {

    private static void putEvent(String source, String detailType, String detail) throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(base.resolve("/_local/events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("Source", source).put("DetailType", detailType).put("Detail", detail)))));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    @Test
    void aPoisonItem_shouldBeParkedWithItsReason_whileEveryOtherInvitationAndEscalationGoesOut() throws Exception {
        // GIVEN 10:00 UTC (outside quiet hours) and, next to the seeded email rule, an SMS rule for closed tickets
        int hour = Instant.parse(getJson("/_local/clock", false).get("now").asText()).atZone(ZoneOffset.UTC).getHour();
        advanceClock(Duration.ofHours((34 - hour) % 24));
        JsonNode rules = getJson("/api/triggers", true);
        ((com.fasterxml.jackson.databind.node.ArrayNode) rules.withArray("triggers")).add(JSON.readTree("""
                {"id":"ticket-closed-sms","pattern":"{\\"source\\":[\\"demo.helpdesk\\"],\\"detail-type\\":[\\"TicketClosed\\"]}",
                 "surveyId":"demo-nps","channel":"sms","delay":"PT1H",
                 "customer":{"phone":"$.detail.phone","locale":"$.detail.locale"}}"""));
        HttpResponse<String> saved = sendAdmin("PUT", "/api/triggers", JSON.writeValueAsString(rules));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        // AND a detractor's case that falls due in 47 hours
        assertThat(postAnswer("{\"answers\":{\"nps\":1,\"comment\":\"Nobody answers the phone\"}}", "poison-case-1")
                .statusCode()).isEqualTo(201);
        drain();
        advanceClock(Duration.ofHours(47));

        // WHEN three touchpoints come in: an address SES refuses (non-ASCII before the @), a good one, a phone only
        putEvent("demo.shop", "OrderDelivered",
                "{\"customer\":{\"id\":\"c-poison\",\"email\":\"نیما@example.com\"},\"orderId\":\"P-1\"}");
        putEvent("demo.shop", "OrderDelivered", "{\"customer\":{\"id\":\"c-good\",\"email\":\"good@example.com\"},\"orderId\":\"G-1\"}");
        putEvent("demo.helpdesk", "TicketClosed", "{\"phone\":\"+989121234567\",\"locale\":\"fa\"}");
        // AND the sweep runs when all three are due and the case is overdue
        advanceClock(Duration.ofMinutes(65));

        // THEN the good invitation, the SMS and the escalation went out
        JsonNode outbox = getJson("/_local/outbox", false);
        assertThat(emailsTo("good@example.com")).hasSize(1);
        assertThat(matching(outbox.get("notifications"), "topic", "+989121234567")).hasSize(1);
        assertThat(emailsTo("escalations@demo.halqe.local")).hasSize(1);
        // AND the poison item is parked, with SES's reason, and nothing reached its address
        JsonNode parked = getJson("/api/admin/parked", true).path("items");
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).path("customerId").asText()).isEqualTo("c-poison");
        assertThat(parked.get(0).path("reason").asText()).contains("SES refused").contains("Illegal address");
        assertThat(emailsTo("نیما@example.com")).isEmpty();
        // AND later sweeps leave it alone, until it is re-queued
        advanceClock(Duration.ofMinutes(30));
        assertThat(getJson("/api/admin/parked", true).path("items")).hasSize(1);
        HttpResponse<String> requeued = sendAdmin("POST", "/api/admin/parked/" + parked.get(0).path("id").asText()
                + "/requeue", null);
        assertThat(requeued.statusCode()).as(requeued.body()).isEqualTo(200);
        assertThat(getJson("/api/admin/parked", true).path("items")).isEmpty();
    }
}
