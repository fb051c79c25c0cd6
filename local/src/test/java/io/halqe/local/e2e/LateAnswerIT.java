package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A respondent who chooses a score, leaves, and sends the rest after the draft was finalised (the widget left open
 * over lunch): from an empty local cloud, the late answer is kept and the scores count the final answer once.
 */
class LateAnswerIT extends LocalCloudProcess {

    @Test
    void lateCompletion_shouldKeepTheComment_andTheMetricsShouldCountTheFinalScoreOnce() throws Exception {
        // GIVEN a score of 3 saved as a partial answer, and the respondent gone for 35 minutes
        String key = "late-answer-1";
        HttpResponse<String> partial = postAnswer("{\"answers\":{\"nps\":3},\"partial\":true}", key);
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        String responseId = JSON.readTree(partial.body()).get("responseId").asText();
        advanceClock(Duration.ofMinutes(35));
        // (it was finalised and counted as a detractor)
        assertThat(getJson("/api/responses/" + responseId, true).path("partial").asBoolean()).isTrue();
        assertThat(getJson("/api/surveys/demo-nps/metrics", true).at("/nps/detractors").asInt()).isEqualTo(1);

        // WHEN the respondent comes back and sends the whole answer, now a 9 with a comment, under the same key
        HttpResponse<String> late = postAnswer("{\"answers\":{\"nps\":9,\"comment\":\"Sorted out by phone, thanks\"}}", key);
        drain();

        // THEN it is accepted as the same response, which now holds the complete answer
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        assertThat(JSON.readTree(late.body()).get("responseId").asText()).isEqualTo(responseId);
        JsonNode response = getJson("/api/responses/" + responseId, true);
        assertThat(response.path("status").asText()).isEqualTo("enriched");
        assertThat(response.path("partial").asBoolean()).isFalse();
        assertThat(response.at("/answers/comment").asText()).isEqualTo("Sorted out by phone, thanks");
        assertThat(response.at("/answers/nps").asInt()).isEqualTo(9);
        // AND the metrics count one answer, the final one: a promoter, no detractor
        JsonNode metrics = getJson("/api/surveys/demo-nps/metrics", true);
        assertThat(metrics.path("responses").asInt()).isEqualTo(1);
        assertThat(metrics.at("/nps/detractors").asInt()).isZero();
        assertThat(metrics.at("/nps/promoters").asInt()).isEqualTo(1);
    }
}
