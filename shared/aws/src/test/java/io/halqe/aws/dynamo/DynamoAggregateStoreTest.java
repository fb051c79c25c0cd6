package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.response.Answer;
import io.halqe.domain.scoring.DayKey;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.survey.QuestionType;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoAggregateStoreTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoAggregateStore store;

    @BeforeAll
    static void start() {
        store = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"));
    }

    private static Tally nps(int score) {
        return Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, score)));
    }

    @Test
    void add_shouldApplyOnlyWhenTheDayIsStillAsRead() {
        DayKey key = new DayKey("s-cas", DAY);
        assertThat(store.add(key, null, Map.of("all=all", nps(10)), Map.of(3, "100"))).isTrue();
        var first = store.load(List.of(key)).get(key);
        // a writer that read nothing (stale) and the current writer, who read version 1
        assertThat(store.add(key, null, Map.of("all=all", nps(0)), Map.of(4, "50"))).isFalse();
        assertThat(store.add(key, first, Map.of("all=all", nps(0), "plan=pro", nps(0)), Map.of(3, "200", 4, "50"))).isTrue();
        // a second writer that read version 1 too (a concurrent batch from another shard) must retry
        assertThat(store.add(key, first, Map.of("all=all", nps(5)), Map.of(5, "7"))).isFalse();
        var day = store.load(List.of(key)).get(key);
        assertThat(day.version()).isEqualTo(2);
        assertThat(day.cells().get("all=all")).isEqualTo(nps(10).plus(nps(0)));
        assertThat(day.cells().get("plan=pro")).isEqualTo(nps(0));
        assertThat(day.watermarks()).containsExactlyInAnyOrderEntriesOf(Map.of(3, "200", 4, "50"));
    }

    @Test
    void cells_shouldSurviveTheCompactEncoding_withUnicodeValuesAndLargeCounts() {
        Tally big = new Tally(1_000_000, 400_000, 300_000, 300_000, 999, 0, 7, 49, 343, 5, 1, 5, 25);
        Map<String, Tally> cells = Map.of("all=all", big, "region=خاورمیانه", nps(3), "plan=pro plus", Tally.EMPTY);
        assertThat(DynamoAggregateStore.decode(DynamoAggregateStore.encode(cells))).isEqualTo(cells);
    }

    @Test
    void days_shouldReturnTheRangeInOrder_withCellsReadBackExactly() {
        for (int d = 0; d < 5; d++) {
            store.add(new DayKey("s-range", DAY.plusDays(d)), null, Map.of("all=all", nps(d), "theme=delivery", nps(d)),
                    Map.of(0, "1"));
        }
        store.add(new DayKey("s-range-other", DAY), null, Map.of("all=all", nps(5)), Map.of(0, "1"));
        var days = store.days("s-range", DAY.plusDays(1), DAY.plusDays(3));
        assertThat(days).extracting(day -> day.day().toString()).containsExactly("2026-11-24", "2026-11-25", "2026-11-26");
        assertThat(days.get(0).cells()).containsEntry("theme=delivery", nps(1));
        assertThat(store.days("s-range", null, null)).hasSize(5);
    }

    @Test
    void scoring_shouldCountEachRecordOnceInEveryCell_whenBatchesAreRedeliveredAgainstDynamoDb() {
        ScoreResponses scoring = new ScoreResponses(store);
        List<ScoredResponse> batch = IntStream.range(0, 100)
                .mapToObj(i -> new ScoredResponse("s-redeliver", i % 4, Long.toString(5_000 + i), DAY.plusDays(i % 2),
                        Set.of("all=all", "plan=" + (i % 3 == 0 ? "pro" : "basic")), nps(i % 2 == 0 ? 10 : 0)))
                .toList();
        scoring.apply(batch);
        scoring.apply(batch);
        scoring.apply(batch.subList(60, 100));
        Tally all = store.days("s-redeliver", null, null).stream().map(d -> d.cells().get("all=all")).reduce(Tally.EMPTY, Tally::plus);
        Tally pro = store.days("s-redeliver", null, null).stream().map(d -> d.cells().getOrDefault("plan=pro", Tally.EMPTY))
                .reduce(Tally.EMPTY, Tally::plus);
        assertThat(all.responses()).isEqualTo(100);
        assertThat(all.promoters()).isEqualTo(50);
        assertThat(pro.responses()).isEqualTo(34);
    }
}
