package io.halqe.domain.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a stream batch into aggregates with one conditional write per aggregate item. Each item keeps the highest
 * sequence number applied to it; records at or below it were counted before and are skipped, so redelivered or
 * bisected batches change nothing.
 */
public final class ScoreResponses {

    private static final int MAX_ATTEMPTS = 3;

    private final AggregateStore store;

    public ScoreResponses(AggregateStore store) {
        this.store = store;
    }

    public void apply(List<ScoredResponse> batch) {
        Map<AggregateKey, List<ScoredResponse>> byKey = new LinkedHashMap<>();
        for (ScoredResponse response : batch) {
            AggregateKey key = new AggregateKey(response.surveyId(), AggregateKey.ALL_TIME, response.partition());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(response);
        }
        Map<AggregateKey, AggregateStore.StoredAggregate> stored = store.load(byKey.keySet());
        for (var entry : byKey.entrySet()) {
            applyWithRetry(entry.getKey(), entry.getValue(), stored.get(entry.getKey()));
        }
    }

    private void applyWithRetry(AggregateKey key, List<ScoredResponse> records, AggregateStore.StoredAggregate current) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String watermark = current == null ? null : current.watermark();
            Tally delta = Tally.EMPTY;
            String highest = watermark;
            boolean anyNew = false;
            for (ScoredResponse record : records) {
                if (watermark == null || SequenceNumbers.ORDER.compare(record.sequenceNumber(), watermark) > 0) {
                    delta = delta.plus(record.contribution());
                    anyNew = true;
                    if (highest == null || SequenceNumbers.ORDER.compare(record.sequenceNumber(), highest) > 0) {
                        highest = record.sequenceNumber();
                    }
                }
            }
            if (!anyNew || store.add(key, delta, watermark, highest)) {
                return;
            }
            current = store.load(List.of(key)).get(key);
        }
        throw new IllegalStateException("aggregate " + key + " kept changing under concurrent writes");
    }
}
