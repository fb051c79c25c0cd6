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
}
