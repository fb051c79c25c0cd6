package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryAggregates;
import io.halqe.domain.response.Answer;
import io.halqe.domain.survey.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ScoreResponsesTest {

    private final InMemoryAggregates store = new InMemoryAggregates();
    private final ScoreResponses scoring = new ScoreResponses(store);

    private static ScoredResponse nps(int partition, long sequence, int score) {
        return new ScoredResponse("s1", partition, Long.toString(sequence),
                Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, score))));
    }

    @Test
    void apply_shouldWriteOncePerAggregateItem_whenBatchHasManyResponses() {
        // GIVEN 100 responses spread over two partitions
        List<ScoredResponse> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(nps(i % 2, 1000 + i, i % 11));
        }
        // WHEN the batch is applied
        scoring.apply(batch);
        // THEN two writes were made, and the total counts all 100
        assertThat(store.writes).isEqualTo(2);
        assertThat(store.total("s1", AggregateKey.ALL_TIME).responses()).isEqualTo(100);
    }

    @Test
    void apply_shouldChangeNothing_whenTheSameBatchIsDeliveredAgain() {
        // GIVEN a batch already applied
        List<ScoredResponse> batch = List.of(nps(0, 10, 2), nps(0, 11, 9), nps(1, 12, 7));
        scoring.apply(batch);
        Tally before = store.total("s1", AggregateKey.ALL_TIME);
        // WHEN it is redelivered, whole and as a retried tail
        scoring.apply(batch);
        scoring.apply(batch.subList(1, 3));
        // THEN the figures are unchanged
        assertThat(store.total("s1", AggregateKey.ALL_TIME)).isEqualTo(before);
        assertThat(before.detractors()).isEqualTo(1);
        assertThat(before.promoters()).isEqualTo(1);
        assertThat(before.passives()).isEqualTo(1);
    }

    @Test
    void apply_shouldCountOnlyNewRecords_whenARedeliveredBatchExtendsPastTheWatermark() {
        // GIVEN records 10..11 applied
        scoring.apply(List.of(nps(0, 10, 0), nps(0, 11, 0)));
        // WHEN a retry delivers 11..13 (overlapping one already counted)
        scoring.apply(List.of(nps(0, 11, 0), nps(0, 12, 10), nps(0, 13, 10)));
        // THEN 4 responses are counted, not 5
        Tally total = store.total("s1", AggregateKey.ALL_TIME);
        assertThat(total.responses()).isEqualTo(4);
        assertThat(total.promoters()).isEqualTo(2);
    }

    @Test
    void sequenceOrder_shouldCompareNumerically_whenLengthsDiffer() {
        assertThat(SequenceNumbers.ORDER.compare("900", "1000")).isNegative();
        assertThat(SequenceNumbers.ORDER.compare("0012", "11")).isPositive();
        assertThat(SequenceNumbers.ORDER.compare("12", "12")).isZero();
    }

    /**
     * Any at-least-once delivery — each partition's records in order, cut into batches that may overlap (redelivery
     * of a prefix) and interleave across partitions — gives the from-scratch tally.
     */
    @Property(tries = 300)
    void apply_shouldEqualFromScratchTally_forAnyBatchingAndRedelivery(
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
        Tally expected = Tally.EMPTY;
        long sequence = 1_000_000_000_000_000_000L;
        for (int score : scores) {
            int partition = random.nextInt(partitions);
            ScoredResponse record = nps(partition, sequence += 1 + random.nextInt(1000), score);
            byPartition.get(partition).add(record);
            expected = expected.plus(record.contribution());
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
        assertThat(aggregates.total("s1", AggregateKey.ALL_TIME)).isEqualTo(expected);
    }

    private static boolean anyLeft(int[] next, List<List<ScoredResponse>> byPartition) {
        for (int p = 0; p < next.length; p++) {
            if (next[p] < byPartition.get(p).size()) {
                return true;
            }
        }
        return false;
    }
}
