package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.testing.LocalDynamoDb;
import io.halqe.domain.scoring.AggregateKey;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamoAggregateStoreTest {

    private static LocalDynamoDb db;
    private static DynamoAggregateStore store;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        store = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Tally tally(long promoters, long detractors) {
        return new Tally(promoters + detractors, promoters, 0, detractors, 0, 0, 0, 0, 0);
    }

    @Test
    void add_shouldApplyOnlyWhenWatermarkIsUnchanged() {
        // GIVEN an aggregate written once
        AggregateKey key = new AggregateKey("s-cas", AggregateKey.ALL_TIME, 3);
        assertThat(store.add(key, tally(1, 0), null, "100")).isTrue();
        // WHEN a writer still expecting "no watermark" tries, and one expecting "100" tries
        boolean stale = store.add(key, tally(5, 5), null, "200");
        boolean current = store.add(key, tally(0, 2), "100", "200");
        // THEN only the current writer's delta is added
        assertThat(stale).isFalse();
        assertThat(current).isTrue();
        var loaded = store.load(List.of(key)).get(key);
        assertThat(loaded.tally()).isEqualTo(tally(1, 2));
        assertThat(loaded.watermark()).isEqualTo("200");
    }

    @Test
    void total_shouldSumPartitions_andLoadShouldBatchManyKeys() {
        // GIVEN eight partitions of one survey, and another survey
        for (int p = 0; p < 8; p++) {
            store.add(new AggregateKey("s-sum", AggregateKey.ALL_TIME, p), tally(p, 1), null, "1");
        }
        store.add(new AggregateKey("s-sum-other", AggregateKey.ALL_TIME, 0), tally(100, 100), null, "1");
        // WHEN summed THEN 0+1+…+7 promoters and 8 detractors
        assertThat(store.total("s-sum", AggregateKey.ALL_TIME)).isEqualTo(tally(28, 8));
        // AND loading 150 keys (more than one BatchGetItem) finds the eight that exist
        List<AggregateKey> keys = new ArrayList<>(IntStream.range(0, 150)
                .mapToObj(p -> new AggregateKey("s-sum", AggregateKey.ALL_TIME, p)).toList());
        assertThat(store.load(keys)).hasSize(8);
    }

    @Test
    void scoring_shouldCountEachRecordOnce_whenBatchesAreRedeliveredAgainstDynamoDb() {
        // GIVEN the scoring use case over the real store
        ScoreResponses scoring = new ScoreResponses(store);
        List<ScoredResponse> batch = IntStream.range(0, 100)
                .mapToObj(i -> new ScoredResponse("s-redeliver", i % 4, Long.toString(5_000 + i), tally(i % 2, 1 - i % 2)))
                .toList();
        // WHEN applied, then redelivered whole and as a tail
        scoring.apply(batch);
        scoring.apply(batch);
        scoring.apply(batch.subList(60, 100));
        // THEN 100 responses, 50 promoters
        assertThat(store.total("s-redeliver", AggregateKey.ALL_TIME)).isEqualTo(tally(50, 50));
    }
}
