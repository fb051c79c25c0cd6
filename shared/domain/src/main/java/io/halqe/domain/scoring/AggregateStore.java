package io.halqe.domain.scoring;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface AggregateStore {

    /** Current days with their cells and watermarks; days never written are absent. */
    Map<DayKey, StoredDay> load(Collection<DayKey> keys);

    /**
     * Adds {@code delta} (cell → tally) to the day as it was read ({@code current}, null: not yet written) and moves
     * the touched partitions' watermarks to {@code newWatermarks} — only if the day is still as read (its version).
     * False when another write got there first.
     */
    boolean add(DayKey key, StoredDay current, Map<String, Tally> delta, Map<Integer, String> newWatermarks);

    /** The survey's days from {@code from} to {@code to}, inclusive (null: unbounded), in order. */
    List<StoredDay> days(String surveyId, LocalDate from, LocalDate to);

    /** {@code version} counts the writes to the day; a write must find the version it read. */
    record StoredDay(LocalDate day, long version, Map<String, Tally> cells, Map<Integer, String> watermarks) {
        public StoredDay {
            cells = Map.copyOf(cells);
            watermarks = Map.copyOf(watermarks);
        }
    }
}
