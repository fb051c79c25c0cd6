package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flood from one client, from an empty local cloud with the template's defaults (30 anonymous answers per source and
 * minute; 10 notifications per rule, survey and hour): the limit holds, what is accepted is stored, scored and has
 * its case, and the team hears about it without a storm — now, in the hour's summary, and two days later.
 */
class FloodIT extends LocalCloudProcess {

    private static final int LIMIT = 30;
    private static final int PER_HOUR = 10;

    private static List<JsonNode> outbox(String list) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        getJson("/_local/outbox", false).get(list).forEach(items::add);
        return items;
    }

    private static long emails(String to, String subjectContains) throws Exception {
        return outbox("emails").stream().filter(email -> email.path("to").path(0).asText().equals(to))
                .filter(email -> email.path("subject").asText().contains(subjectContains)).count();
    }

    private static long alerts(String rule, String kind) throws Exception {
        long count = 0;
        for (JsonNode notification : outbox("notifications")) {
            JsonNode message = JSON.readTree(notification.path("message").asText());
            if (message.path("rule").asText().equals(rule) && message.path("kind").asText("").equals(kind)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void twoHundredAnonymousDetractorsInAMinute_shouldBeLimited_andAlertedWithoutAStorm() throws Exception {
        // GIVEN a fresh minute on the local clock (so the flood falls in one window)
        Instant now = Instant.parse(getJson("/_local/clock", false).get("now").asText());
        advanceClock(Duration.ofSeconds(60 - now.getEpochSecond() % 60 + 1));

        // WHEN one client sends 200 anonymous detractor answers
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> sent = postAnswer("{\"answers\":{\"nps\":1,\"comment\":\"Flood " + i + "\"}}", "flood-" + i);
            if (sent.statusCode() == 201) {
                accepted++;
            } else {
                assertThat(sent.statusCode()).as(sent.body()).isEqualTo(429);
                assertThat(Integer.parseInt(sent.headers().firstValue("retry-after").orElseThrow())).isBetween(1, 60);
                limited++;
            }
        }
        drain();

        // THEN the first 30 are accepted, the rest get 429 with Retry-After
        assertThat(accepted).isEqualTo(LIMIT);
        assertThat(limited).isEqualTo(200 - LIMIT);
        // AND every accepted one is stored, scored and has its case
        assertThat(getJson("/api/surveys/demo-nps/responses?limit=100", true).path("items")).hasSize(LIMIT);
        assertThat(getJson("/api/surveys/demo-nps/metrics", true).at("/nps/detractors").asInt()).isEqualTo(LIMIT);
        assertThat(getJson("/api/cases?status=open&limit=100", true).path("items")).hasSize(LIMIT);
        // AND the owner got 10 alert emails and the team topic 10 alerts, not 30
        assertThat(emails("owner@demo.halqe.local", "Detractor")).isEqualTo(PER_HOUR);
        assertThat(alerts("detractor", "")).isEqualTo(PER_HOUR);

        // WHEN the hour is over (and the digests' two hours of grace)
        advanceClock(Duration.ofHours(4));
        // THEN one summary email and one SNS summary tell the other 20
        assertThat(emails("owner@demo.halqe.local", "Alert storm summary")).isEqualTo(1);
        assertThat(alerts("detractor", "alert-storm-summary")).isEqualTo(1);

        // WHEN the 30 cases go past their 48 hours unresolved (and the summary hour passes)
        advanceClock(Duration.ofHours(46));
        advanceClock(Duration.ofHours(4));
        // THEN they are all escalated, with 10 escalation emails and alerts plus one summary each: no storm
        assertThat(getJson("/api/cases?status=open&limit=100", true).path("items"))
                .allSatisfy(item -> assertThat(item.path("escalatedAt").isNull()).isFalse());
        assertThat(emails("escalations@demo.halqe.local", "Overdue")).isEqualTo(PER_HOUR);
        assertThat(emails("escalations@demo.halqe.local", "Alert storm summary")).isEqualTo(1);
        assertThat(alerts("sla-escalation", "")).isEqualTo(PER_HOUR);
        assertThat(alerts("sla-escalation", "alert-storm-summary")).isEqualTo(1);
    }
}
