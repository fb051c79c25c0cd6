package io.halqe.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryDirectory;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.QuestionType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final Map<String, String> progress = new HashMap<>();
    private final ApplyRetention retention = new ApplyRetention(new InMemorySurveys(DemoSurveys.demoNps()), responses,
            new InMemoryCases(), directory, new RetentionProgress() {
                @Override
                public Optional<String> last(String surveyId) {
                    return Optional.ofNullable(progress.get(surveyId));
                }

                @Override
                public void advance(String surveyId, String key) {
                    progress.put(surveyId, key);
                }
            });

    private void answer(String id, int daysAgo) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        responses.insertIfAbsent(new Response(id, "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 4),
                "comment", new Answer.Text("comment of " + id)), "en", at, ResponseStatus.ENRICHED, null,
                Map.of("orderId", "O-" + id), "c-" + id, null, false));
        directory.appendHistory(Map.of("c-" + id, List.of(new FeedbackEntry(id, "demo-nps", at, 4, "detractor", "negative",
                List.of(), null, "comment of " + id, "en"))), List.of());
    }

    @BeforeEach
    void answersOfDifferentAges() {
        answer("old-1", 400);
        answer("old-2", 380);
        answer("recent", 10);
    }

    @Test
    void apply_shouldAnonymiseOnlyAnswersOlderThanThePeriod_keepingTheirScores() {
        // WHEN a 365-day retention period is applied
        int done = retention.apply(NOW, 365, 100);
        // THEN the two old answers lose their comment, hidden fields and customer, but keep their score
        assertThat(done).isEqualTo(2);
        for (String old : List.of("old-1", "old-2")) {
            Response kept = responses.stored.get(old);
            assertThat(kept.answers()).containsOnlyKeys("nps");
            assertThat(kept.hidden()).isEmpty();
            assertThat(kept.customerId()).isNull();
            assertThat(directory.histories.get("c-" + old).get(old).comment()).isNull();
        }
        // AND the recent one is untouched
        assertThat(responses.stored.get("recent").answers()).containsKey("comment");
        assertThat(directory.histories.get("c-recent").get("recent").comment()).isEqualTo("comment of recent");
    }

    @Test
    void apply_shouldWorkInBudgetedSteps_resumingWhereItStopped() {
        assertThat(retention.apply(NOW, 365, 1)).isEqualTo(1);
        assertThat(responses.stored.get("old-1").answers()).containsOnlyKeys("nps");
        assertThat(responses.stored.get("old-2").answers()).containsKey("comment");
        assertThat(retention.apply(NOW, 365, 1)).isEqualTo(1);
        assertThat(retention.apply(NOW, 365, 1)).isZero();
        assertThat(responses.stored.get("old-2").answers()).containsOnlyKeys("nps");
    }

    @Test
    void apply_shouldKeepEverything_whenNoPeriodIsSet() {
        assertThat(retention.apply(NOW, 0, 100)).isZero();
        assertThat(responses.stored.get("old-1").answers()).containsKey("comment");
    }
}
