package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end against the local cloud's jar, driven by the local clock (never by sleeping): what happens hours and
 * days after an answer — SLA escalation, triggered invitations, reminders, re-surveys.
 */
class MeasureAgainIT extends LocalCloudProcess {

    private static String answerAsDetractor(String idempotencyKey, String comment) throws Exception {
        HttpResponse<String> sent = postAnswer(JSON.writeValueAsString(JSON.createObjectNode().set("answers",
                JSON.createObjectNode().put("nps", 1).put("comment", comment))), idempotencyKey);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        drain();
        String responseId = JSON.readTree(sent.body()).get("responseId").asText();
        List<JsonNode> cases = matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId);
        assertThat(cases).hasSize(1);
        return cases.get(0).get("caseId").asText();
    }

    @Test
    void detractorsCase_shouldEscalateOnce_whenLeftOpenPastItsDueTime() throws Exception {
        // GIVEN a detractor's case, due in 48 hours (the demo SLA)
        String caseId = answerAsDetractor("e2e-escalate-1", "Nobody called me back");
        JsonNode opened = getJson("/api/cases/" + caseId, true);
        assertThat(Duration.between(java.time.Instant.parse(opened.get("openedAt").asText()),
                java.time.Instant.parse(opened.get("dueAt").asText()))).isEqualTo(Duration.ofHours(48));
        // WHEN 47 hours pass THEN it is not escalated
        advanceClock(Duration.ofHours(47));
        assertThat(getJson("/api/cases/" + caseId, true).get("escalatedAt").isNull()).isTrue();
        // WHEN it is left open past its due time (and the sweep keeps running for hours)
        advanceClock(Duration.ofHours(3));
        // THEN the case is escalated once: escalatedAt, one email to the demo escalation contact, one SNS alert
        JsonNode escalated = getJson("/api/cases/" + caseId, true);
        assertThat(escalated.get("escalatedAt").asText()).isNotBlank();
        assertThat(escalated.get("status").asText()).isEqualTo("open");
        List<JsonNode> emails = matching(getJson("/_local/outbox", false).get("emails"), "subject", caseId);
        assertThat(matching(JSON.valueToTree(emails), "subject", "Overdue")).singleElement()
                .satisfies(email -> assertThat(email.get("to").get(0).asText()).isEqualTo("escalations@demo.halqe.local"));
        List<JsonNode> alerts = matching(getJson("/_local/outbox", false).get("notifications"), "message", caseId);
        assertThat(matching(JSON.valueToTree(alerts), "message", "sla-escalation")).hasSize(1);
    }

    /** A fixed-offset zone in which the local clock's current time is about noon: quiet hours stay out of the way. */
    private static String middayZone() throws Exception {
        int hour = java.time.Instant.parse(getJson("/_local/clock", false).get("now").asText())
                .atZone(java.time.ZoneOffset.UTC).getHour();
        int offset = 12 - hour;
        if (offset > 14) {
            offset -= 24;
        }
        if (offset < -12) {
            offset += 24;
        }
        return java.time.ZoneOffset.ofHours(offset).getId();
    }

    private static void orderDelivered(String customerId, String email, String zone, String orderId) throws Exception {
        HttpResponse<String> put = send(java.net.http.HttpRequest.newBuilder(base.resolve("/_local/events"))
                .header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                        "Source", "demo.shop", "DetailType", "OrderDelivered",
                        "Detail", JSON.writeValueAsString(java.util.Map.of(
                                "customer", java.util.Map.of("id", customerId, "email", email, "name", "Leila",
                                        "locale", "en", "timeZone", zone),
                                "orderId", orderId)))))));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        drain();
    }

    @Test
    void orderDelivered_shouldInviteOnceAfterAnHour_remindOnceAfterThreeDays_andRespectTheCap() throws Exception {
        String email = "leila.orders@example.com";
        String zone = middayZone();
        // GIVEN an OrderDelivered event from the demo shop
        orderDelivered("cust-orders", email, zone, "A-3001");
        // THEN no invitation before the hour is up
        advanceClock(Duration.ofMinutes(55));
        assertThat(emailsTo(email)).isEmpty();
        // AND exactly one after it, with a signed link
        advanceClock(Duration.ofMinutes(10));
        assertThat(emailsTo(email)).singleElement().satisfies(invitation ->
                assertThat(invitation.get("text").asText()).contains("/s/demo-nps?lang=en&t="));
        // WHEN three days pass without an answer THEN one reminder, carrying the same invitation
        advanceClock(Duration.ofDays(3).plusMinutes(10));
        List<JsonNode> afterReminder = emailsTo(email);
        assertThat(afterReminder).hasSize(2);
        assertThat(afterReminder.get(1).get("subject").asText()).startsWith("Reminder:");
        assertThat(token(afterReminder.get(1))).isNotBlank();
        // AND no second reminder
        advanceClock(Duration.ofDays(3).plusMinutes(10));
        assertThat(emailsTo(email)).hasSize(2);
        // WHEN a second order is delivered to them within the 30-day cap THEN nothing more is sent
        orderDelivered("cust-orders", email, zone, "A-3002");
        advanceClock(Duration.ofHours(2));
        assertThat(emailsTo(email)).hasSize(2);
        // AND the dry run says why
        HttpResponse<String> dryRun = sendAdmin("POST", "/api/outreach/dry-run",
                "{\"surveyId\":\"demo-nps\",\"customer\":{\"id\":\"cust-orders\",\"email\":\"" + email + "\"}}");
        assertThat(JSON.readTree(dryRun.body()).get("reason").asText()).as(dryRun.body()).isEqualTo("frequency_cap");
    }

    @Test
    void closingACase_shouldReSurveyTheCustomerAfterSevenDays_andPutTheirAnswerOnTheCase() throws Exception {
        String email = "omid.resurvey@example.com";
        putCustomer("cust-resurvey", "{\"name\":\"Omid\",\"email\":\"" + email + "\",\"language\":\"en\","
                + "\"timeZone\":\"" + middayZone() + "\"}");
        // GIVEN a detractor who answered through their signed link, and their case
        String token = invite("cust-resurvey", "en").get("token").asText();
        HttpResponse<String> answered = postAnswer(JSON.writeValueAsString(JSON.createObjectNode().put("token", token)
                .set("answers", JSON.createObjectNode().put("nps", 2).put("comment", "The courier lost my parcel"))), null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        drain();
        String responseId = JSON.readTree(answered.body()).get("responseId").asText();
        String caseId = matching(getJson("/api/cases?status=open", true).get("items"), "responseId", responseId)
                .get(0).get("caseId").asText();
        // WHEN the case is closed
        HttpResponse<String> closed = sendAdmin("POST", "/api/cases/" + caseId + "/close",
                "{\"resolution\":\"Refunded and changed courier\",\"notifyCustomer\":false}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(JSON.readTree(closed.body()).get("resurveyAt").asText()).isNotBlank();
        int before = emailsTo(email).size();
        // THEN nothing is sent for a week, then the re-survey arrives
        advanceClock(Duration.ofDays(6));
        assertThat(emailsTo(email)).hasSize(before);
        advanceClock(Duration.ofDays(1).plusMinutes(10));
        List<JsonNode> emails = emailsTo(email);
        assertThat(emails).hasSize(before + 1);
        // WHEN the customer answers it
        answerTheLatest(emails, 9);
        // THEN the case shows the scores before and after
        JsonNode remeasured = getJson("/api/cases/" + caseId, true).get("remeasurement");
        assertThat(remeasured.get("scoreBefore").asInt()).isEqualTo(2);
        assertThat(remeasured.get("scoreAfter").asInt()).isEqualTo(9);
        assertThat(remeasured.get("answeredAt").asText()).isNotBlank();
        // AND the effectiveness report counts a recovered detractor
        JsonNode report = getJson("/api/reports/effectiveness", true);
        assertThat(report.at("/overall/recovered").asInt()).isGreaterThanOrEqualTo(1);
    }
}
