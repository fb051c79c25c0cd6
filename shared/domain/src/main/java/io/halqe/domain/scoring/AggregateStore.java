package io.halqe.domain.scoring;

import java.util.Collection;
import java.util.Map;

public interface AggregateStore {

    /** Current tallies and watermarks; keys never written are absent. */
    Map<AggregateKey, StoredAggregate> load(Collection<AggregateKey> keys);

    /**
     * Adds {@code delta} and moves the watermark to {@code newWatermark}, only if the stored watermark still is
     * {@code expectedWatermark} (null: none yet). False when another write got there first.
     */
    boolean add(AggregateKey key, Tally delta, String expectedWatermark, String newWatermark);

    /** The tally of a survey's bucket, summed over its partitions. */
    Tally total(String surveyId, String bucket);

    record StoredAggregate(Tally tally, String watermark) {
    }
}
