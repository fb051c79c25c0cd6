package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.SequenceNumbers;
import io.halqe.domain.fakes.InMemoryAggregates;
import io.halqe.domain.response.Answer;
import io.halqe.domain.survey.QuestionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ScoreResponsesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    private final InMemoryAggregates store = new InMemoryAggregates();
    private final ScoreResponses scoring = new ScoreResponses(store);

    private static ScoredResponse nps(int partition, long sequence, int score, LocalDate day, String plan) {
        return new ScoredResponse("s1", partition, Long.toString(sequence), day, Set.of(ScoreResponses.ALL, "plan=" + plan),
                Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, score))));
    }

    private static ScoredResponse nps(int partition, long sequence, int score) {
        return nps(partition, sequence, score, DAY, "pro");
    }

    @Test
    void apply_shouldWriteOncePerDay_whenABatchHasManyResponsesPartitionsAndCells() {
        // GIVEN 100 responses over four partitions and two plans, all on one day
        List<ScoredResponse> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(nps(i % 4, 1000 + i, i % 11, DAY, i % 2 == 0 ? "pro" : "basic"));
        }
        // WHEN the batch is applied
        scoring.apply(batch);
        // THEN one write, and every cell counts its responses
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.total("s1", ScoreResponses.ALL).responses()).isEqualTo(100);
        assertThat(store.total("s1", "plan=pro").responses()).isEqualTo(50);
        assertThat(store.total("s1", "plan=basic").responses()).isEqualTo(50);
    }

    @Test
    void lateCompletion_shouldMoveTheScoreExactlyOnce_evenWhenRedelivered() {
        // GIVEN a partial answer of 3 on plan pro, scored
        scoring.apply(List.of(nps(2, 20, 3)));
        // WHEN its late completion (9, and now on theme delivery) is scored, twice over
        ScoredResponse completion = new ScoredResponse("s1", 2, "25", DAY, Set.of(ScoreResponses.ALL, "plan=pro",
                "theme=delivery"), Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, 9))),
                Set.of(ScoreResponses.ALL, "plan=pro"), Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, 3))),
                Set.of());
        scoring.apply(List.of(completion));
        scoring.apply(List.of(completion));
        // THEN the survey counts one promoter and no detractor; the theme has its one answer
        Tally all = store.total("s1", ScoreResponses.ALL);
        assertThat(all.responses()).isEqualTo(1);
        assertThat(all.detractors()).isZero();
        assertThat(all.promoters()).isEqualTo(1);
        assertThat(store.total("s1", "plan=pro").promoters()).isEqualTo(1);
        assertThat(store.total("s1", "theme=delivery").responses()).isEqualTo(1);
    }

    @Test
    void unsignedAnswers_shouldNotPushAnEstablishedValueIntoOther_whenTheyFloodADimensionWithJunk() {
        // GIVEN 50 unsigned answers in a day, each with a junk value of the hidden field plan
        List<ScoredResponse> junk = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Set<String> cells = Set.of(ScoreResponses.ALL, "plan=junk-" + i);
            junk.add(new ScoredResponse("s1", 0, Long.toString(100 + i), DAY, cells,
                    Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, 5))), Set.of(), Tally.EMPTY,
                    Set.of("plan=junk-" + i)));
        }
        scoring.apply(junk);
        // WHEN a signed answer from a customer on plan pro comes later that day
        scoring.apply(List.of(nps(1, 500, 9)));
        // THEN pro has its own cell; the junk took 10 values and the rest counts under (other)
        assertThat(store.total("s1", "plan=pro").responses()).isEqualTo(1);
        assertThat(store.total("s1", "plan=" + ScoreResponses.OTHER).responses()).isEqualTo(40);
        assertThat(store.total("s1", ScoreResponses.ALL).responses()).isEqualTo(51);
    }

    @Test
    void apply_shouldChangeNothing_whenTheSameBatchIsDeliveredAgain() {
        List<ScoredResponse> batch = List.of(nps(0, 10, 2), nps(0, 11, 9), nps(1, 12, 7));
        scoring.apply(batch);
        Tally before = store.total("s1", ScoreResponses.ALL);
        scoring.apply(batch);
        scoring.apply(batch.subList(1, 3));
        assertThat(store.total("s1", ScoreResponses.ALL)).isEqualTo(before);
        assertThat(before.detractors()).isEqualTo(1);
        assertThat(before.promoters()).isEqualTo(1);
        assertThat(before.passives()).isEqualTo(1);
    }

    @Test
    void apply_shouldCountOnlyNewRecords_whenARedeliveredBatchExtendsPastTheWatermark() {
        scoring.apply(List.of(nps(0, 10, 0), nps(0, 11, 0)));
        scoring.apply(List.of(nps(0, 11, 0), nps(0, 12, 10), nps(0, 13, 10)));
        Tally total = store.total("s1", ScoreResponses.ALL);
        assertThat(total.responses()).isEqualTo(4);
        assertThat(total.promoters()).isEqualTo(2);
    }

    @Test
    void apply_shouldCountLaterValuesAsOther_whenADimensionHasItsFillOfValuesThatDay() {
        List<ScoredResponse> batch = new ArrayList<>();
        for (int i = 0; i < ScoreResponses.MAX_VALUES_PER_DIMENSION + 5; i++) {
            batch.add(nps(0, 100 + i, 5, DAY, "plan-" + i));
        }
        scoring.apply(batch);
        long planCells = store.items.values().iterator().next().cells().keySet().stream()
                .filter(cell -> cell.startsWith("plan=")).count();
        assertThat(planCells).isEqualTo(ScoreResponses.MAX_VALUES_PER_DIMENSION + 1);
        assertThat(store.total("s1", "plan=(other)").responses()).isEqualTo(5);
    }

    @Test
    void apply_shouldKeepMorePhrasesApart_thanOtherDimensions() {
        // GIVEN a day with more distinct comment phrases than a dimension's usual fill, and more than phrases get
        List<ScoredResponse> batch = new ArrayList<>();
        for (int i = 0; i < ScoreResponses.MAX_PHRASES_PER_DAY + 7; i++) {
            batch.add(new ScoredResponse("s1", 0, Long.toString(100 + i), DAY,
                    Set.of(ScoreResponses.ALL, "phrase=en:word" + i), Tally.of(Map.of())));
        }
        // WHEN the day is scored
        scoring.apply(batch);
        // THEN the first MAX_PHRASES_PER_DAY keep cells of their own and the rest count under (other)
        long phraseCells = store.items.values().iterator().next().cells().keySet().stream()
                .filter(cell -> cell.startsWith("phrase=") && !cell.endsWith(ScoreResponses.OTHER)).count();
        assertThat(phraseCells).isEqualTo(ScoreResponses.MAX_PHRASES_PER_DAY)
                .isGreaterThan(ScoreResponses.MAX_VALUES_PER_DIMENSION);
        assertThat(store.total("s1", "phrase=(other)").responses()).isEqualTo(7);
    }

    @Test
    void sequenceOrder_shouldCompareNumerically_whenLengthsDiffer() {
        assertThat(SequenceNumbers.ORDER.compare("900", "1000")).isNegative();
        assertThat(SequenceNumbers.ORDER.compare("0012", "11")).isPositive();
        assertThat(SequenceNumbers.ORDER.compare("12", "12")).isZero();
    }

    /**
     * Any at-least-once delivery — each partition's records in order, cut into batches that may overlap (redelivery
     * of a prefix) and interleave across partitions and days — gives the from-scratch tally of every cell.
     */
    @Property(tries = 300)
    void apply_shouldEqualFromScratchTallies_forAnyBatchingAndRedelivery(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 10) Integer> scores,
            @ForAll @IntRange(min = 1, max = 4) int partitions,
            @ForAll long seed) {
        Random random = new Random(seed);
        InMemoryAggregates aggregates = new InMemoryAggregates();
        ScoreResponses incremental = new ScoreResponses(aggregates);
        List<List<ScoredResponse>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        Map<String, Tally> expected = new HashMap<>();
        long sequence = 1_000_000_000_000_000_000L;
        for (int score : scores) {
            int partition = random.nextInt(partitions);
            ScoredResponse record = nps(partition, sequence += 1 + random.nextInt(1000), score,
                    DAY.plusDays(random.nextInt(3)), random.nextBoolean() ? "pro" : "basic");
            byPartition.get(partition).add(record);
            for (String cell : record.cells()) {
                expected.merge(cell, record.contribution(), Tally::plus);
            }
        }
        int[] next = new int[partitions];
        while (anyLeft(next, byPartition)) {
            List<ScoredResponse> batch = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                List<ScoredResponse> records = byPartition.get(p);
                if (next[p] >= records.size() || random.nextBoolean()) {
                    continue;
                }
                int from = Math.max(0, next[p] - random.nextInt(3));
                int to = Math.min(records.size(), next[p] + 1 + random.nextInt(5));
                batch.addAll(records.subList(from, to));
                if (random.nextInt(4) > 0) {
                    next[p] = to;
                }
            }
            incremental.apply(batch);
        }
        expected.forEach((cell, tally) -> assertThat(aggregates.total("s1", cell)).as(cell).isEqualTo(tally));
    }

    private static boolean anyLeft(int[] next, List<List<ScoredResponse>> byPartition) {
        for (int p = 0; p < next.length; p++) {
            if (next[p] < byPartition.get(p).size()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void read_shouldGroupAndBucketIntoWeeksAndMonths() {
        scoring.apply(List.of(nps(0, 1, 10, LocalDate.parse("2026-11-30"), "pro"),
                nps(0, 2, 0, LocalDate.parse("2026-12-01"), "basic"),
                nps(0, 3, 9, LocalDate.parse("2026-12-07"), "pro")));
        var read = new ReadMetrics(store).read("s1", LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), "plan",
                ReadMetrics.Interval.WEEK);
        assertThat(read.overall().responses()).isEqualTo(2);
        assertThat(read.groups()).extracting(ReadMetrics.Group::key).containsExactly("basic", "pro");
        assertThat(read.series()).extracting(point -> point.start().toString()).containsExactly("2026-11-30");
        var months = new ReadMetrics(store).read("s1", null, null, null, ReadMetrics.Interval.MONTH);
        assertThat(months.series()).extracting(point -> point.start().toString()).containsExactly("2026-11-01", "2026-12-01");
        assertThat(months.series().get(1).tally().responses()).isEqualTo(2);
    }

    @Test
    void read_shouldCountTheInvitedAnswers_onlyForAllAnswers() {
        // GIVEN two answers through an invitation and one anonymous, on one day
        ScoredResponse invited = new ScoredResponse("s1", 0, "1", DAY, Set.of(ScoreResponses.ALL, "plan=pro",
                ScoreCells.INVITED), Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, 9))));
        ScoredResponse alsoInvited = new ScoredResponse("s1", 0, "2", DAY, Set.of(ScoreResponses.ALL, "plan=basic",
                ScoreCells.INVITED), Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, 3))));
        scoring.apply(List.of(invited, alsoInvited, nps(0, 3, 10)));
        // WHEN the day is read for every answer, and for one plan
        var all = new ReadMetrics(store).read("s1", DAY, DAY, null, null);
        var pro = new ReadMetrics(store).read("s1", DAY, DAY, null, null, ReportingCalendar.GREGORIAN, "plan=pro");
        // THEN 2 of the 3 came through an invitation; a filtered read cannot say (cells do not cross)
        assertThat(all.overall().responses()).isEqualTo(3);
        assertThat(all.invited().responses()).isEqualTo(2);
        assertThat(pro.invited()).isNull();
    }
}
