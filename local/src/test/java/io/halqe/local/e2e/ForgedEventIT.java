package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events on the bus are notices, not proof: from an empty local cloud, a {@code halqe} ResponseEnriched event put by
 * someone else (here through the local bus, which checks no IAM) records no re-survey score and opens no case.
 */
class ForgedEventIT extends LocalCloudProcess {

    private static void putForged(String responseId, String invitationId, int nps) throws Exception {
        ObjectNode detail = JSON.createObjectNode().put("version", "1").put("responseId", responseId)
                .put("surveyId", "demo-nps").put("surveyVersion", 1).put("submittedAt", "2026-12-01T10:00:00Z")
                .put("language", "en").put("npsScore", nps).put("npsCategory", nps >= 9 ? "promoter" : "detractor")
                .put("comment", "forged").put("wordCount", 1).put("partial", false).put("sentiment", "negative")
                .put("sentimentScore", -0.5).put("invitationId", invitationId)
                // marked as the enrichment marks what a rule matches, so the alerts function does receive it
                .put("alerting", true);
        detail.putObject("answers").put("nps", nps);
        HttpResponse<String> put = send(HttpRequest.newBuilder(base.resolve("/_local/events"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("Source", "halqe").put("DetailType", "ResponseEnriched").set("Detail", detail)))));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        drain();
    }

    @Test
    void forgedHalqeEvents_shouldChangeNoCase() throws Exception {
        // GIVEN a detractor's case, closed without a re-survey answer yet
        HttpResponse<String> answered = postAnswer("{\"answers\":{\"nps\":2,\"comment\":\"Late again\"}}", "forged-1");
        assertThat(answered.statusCode()).isEqualTo(201);
        drain();
        JsonNode open = getJson("/api/cases?status=open", true).path("items");
        assertThat(open).hasSize(1);
        String caseId = open.get(0).path("caseId").asText();
        assertThat(sendAdmin("POST", "/api/cases/" + caseId + "/close",
                "{\"resolution\":\"Called back\",\"notifyCustomer\":false}").statusCode()).isEqualTo(200);

        // WHEN forged events claim a re-survey score of 10 for it, and a detractor answer that was never given
        putForged(UUID.randomUUID().toString(), "resurvey-" + caseId, 10);
        putForged(UUID.randomUUID().toString(), null, 0);

        // THEN the case has no re-survey score, and no case was opened for the answer never given
        JsonNode remeasurement = getJson("/api/cases/" + caseId, true).path("remeasurement");
        assertThat(remeasurement.isMissingNode() || remeasurement.isNull()).as("remeasurement %s", remeasurement).isTrue();
        assertThat(getJson("/api/cases?status=open", true).path("items")).isEmpty();
        assertThat(matching(getJson("/_local/outbox", false).get("emails"), "text", "forged")).isEmpty();
    }
}
