package io.halqe.domain.scoring;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface AggregateStore {

    /** Current days with their cells and watermarks; days never written are absent. */
    Map<DayKey, StoredDay> load(Collection<DayKey> keys);

    /**
     * Adds {@code delta} (cell → tally) and moves each touched partition's watermark to {@code newWatermarks}, only if
     * every one of those partitions' stored watermark still is its {@code expectedWatermarks} entry (absent: none yet).
     * False when another write got there first.
     */
    boolean add(DayKey key, Map<String, Tally> delta, Map<Integer, String> expectedWatermarks,
                Map<Integer, String> newWatermarks);

    /** The survey's days from {@code from} to {@code to}, inclusive (null: unbounded), in order. */
    List<StoredDay> days(String surveyId, LocalDate from, LocalDate to);

    record StoredDay(LocalDate day, Map<String, Tally> cells, Map<Integer, String> watermarks) {
        public StoredDay {
            cells = Map.copyOf(cells);
            watermarks = Map.copyOf(watermarks);
        }
    }
}
