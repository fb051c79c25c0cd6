package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ten detractors who each write the longest comment allowed (5,000 characters of Persian, 10 KB each in UTF-8), sent
 * together, from an empty local cloud whose bus refuses what EventBridge refuses: every one is enriched, alerted and
 * gets its case, and the whole comment stays with the response.
 */
class LongCommentsIT extends LocalCloudProcess {

    @Test
    void tenLongestDetractorComments_shouldAllBeAlerted_andKeptWhole() throws Exception {
        // WHEN ten detractors each send a 5,000-character Persian comment
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String comment = ("سفارش " + i + " دیر رسید و پشتیبانی پاسخ نداد. ").repeat(200).substring(0, 4999) + "!";
            HttpResponse<String> sent = postAnswer(JSON.writeValueAsString(JSON.createObjectNode()
                    .set("answers", JSON.createObjectNode().put("nps", 2).put("comment", comment))), "long-" + i);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            ids.add(JSON.readTree(sent.body()).get("responseId").asText());
        }
        drain();

        // THEN each is enriched with its whole comment, and has its case
        for (String id : ids) {
            JsonNode response = getJson("/api/responses/" + id, true);
            assertThat(response.path("status").asText()).isEqualTo("enriched");
            assertThat(response.at("/answers/comment").asText()).hasSize(5000);
        }
        assertThat(getJson("/api/cases?status=open&limit=100", true).path("items")).hasSize(10);
        // AND the owner and the team topic were alerted about every one, and nothing went to a dead-letter queue
        JsonNode outbox = getJson("/_local/outbox", false);
        assertThat(emailsTo("owner@demo.halqe.local")).hasSize(10);
        assertThat(outbox.get("notifications")).hasSize(10);
        assertThat(getJson("/_local/dead-letters", false).path("deadLetters")).isEmpty();
    }

    @Test
    void anOversizeEvent_shouldBeRefusedByTheLocalBus_asEventBridgeRefusesIt() throws Exception {
        // WHEN an event of 300 KB is put on the local bus
        String detail = JSON.writeValueAsString(JSON.createObjectNode().put("comment", "x".repeat(300 * 1024)));
        HttpResponse<String> put = send(java.net.http.HttpRequest.newBuilder(base.resolve("/_local/events"))
                .header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("Source", "demo.shop").put("DetailType", "Big").put("Detail", detail)))));
        // THEN it is refused as EventBridge refuses it, and nothing is delivered
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("ValidationException").contains("over the limit");
    }
}
