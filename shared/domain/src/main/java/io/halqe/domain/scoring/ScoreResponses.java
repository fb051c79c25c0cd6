package io.halqe.domain.scoring;

import io.halqe.domain.core.SequenceNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a stream batch into per-day aggregates with one conditional write per day touched (conditional on the day's
 * version, so concurrent batches from other shards retry rather than overwrite). Each day keeps, per response
 * partition, the highest sequence number applied (a partition streams through one shard lineage, so its
 * sequence numbers only grow); records at or below it were counted before and are skipped, so redelivered or
 * bisected batches change nothing. A dimension keeps at most {@link #MAX_VALUES_PER_DIMENSION} values a day
 * ({@link #MAX_PHRASES_PER_DAY} comment phrases); later ones count under {@link #OTHER}, which bounds the item (and
 * unsigned answers open fewer, {@link #UNSIGNED_NEW_VALUES}).
 */
public final class ScoreResponses {

    public static final String ALL = "all=all";
    public static final String OTHER = "(other)";
    public static final int MAX_VALUES_PER_DIMENSION = 50;
    /**
     * Comment phrases a day keeps apart: more, as a phrase is worth watching only when it recurs. A phrase takes a
     * value the first time it comes while there is room, so one that recurs through the day (the kind that emerges)
     * has its own count on all but the busiest days; each costs ~30 bytes of the day's item.
     */
    public static final int MAX_PHRASES_PER_DAY = 200;
    /**
     * An unsigned answer's own values (hidden fields from a page URL) open a new value only while its dimension has
     * fewer than this many that day: junk sent by anyone takes at most these slots, and never pushes an established
     * value, or a signed link's, into "(other)".
     */
    public static final int UNSIGNED_NEW_VALUES = 10;
    private static final int MAX_ATTEMPTS = 3;

    private final AggregateStore store;

    public ScoreResponses(AggregateStore store) {
        this.store = store;
    }

    public void apply(List<ScoredResponse> batch) {
        Map<DayKey, List<ScoredResponse>> byDay = new LinkedHashMap<>();
        for (ScoredResponse response : batch) {
            byDay.computeIfAbsent(new DayKey(response.surveyId(), response.day()), k -> new ArrayList<>()).add(response);
        }
        Map<DayKey, AggregateStore.StoredDay> stored = store.load(byDay.keySet());
        for (var entry : byDay.entrySet()) {
            applyWithRetry(entry.getKey(), entry.getValue(), stored.get(entry.getKey()));
        }
    }

    private void applyWithRetry(DayKey key, List<ScoredResponse> records, AggregateStore.StoredDay current) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<Integer, String> watermarks = current == null ? Map.of() : current.watermarks();
            Map<String, Tally> delta = new HashMap<>();
            Map<Integer, String> highest = new HashMap<>();
            Map<String, Set<String>> values = valuesByDimension(current);
            for (ScoredResponse record : records) {
                String watermark = watermarks.get(record.partition());
                if (watermark != null && SequenceNumbers.ORDER.compare(record.sequenceNumber(), watermark) <= 0) {
                    continue;
                }
                highest.merge(record.partition(), record.sequenceNumber(),
                        (a, b) -> SequenceNumbers.ORDER.compare(a, b) >= 0 ? a : b);
                for (String cell : record.cells()) {
                    String counted = record.unsignedCells().contains(cell) ? boundedUnsigned(cell, values) : bounded(cell, values);
                    delta.merge(counted, record.contribution(), Tally::plus);
                }
                for (String cell : record.retractedCells()) {
                    delta.merge(counted(cell, values), record.retracted().negated(), Tally::plus);
                }
            }
            if (delta.isEmpty() || store.add(key, current, delta, highest)) {
                return;
            }
            current = store.load(List.of(key)).get(key);
        }
        throw new IllegalStateException("aggregate " + key + " kept changing under concurrent writes");
    }

    private static Map<String, Set<String>> valuesByDimension(AggregateStore.StoredDay current) {
        Map<String, Set<String>> values = new HashMap<>();
        if (current != null) {
            current.cells().keySet().forEach(cell -> values.computeIfAbsent(dimension(cell), d -> new HashSet<>()).add(cell));
        }
        return values;
    }

    /** The cell itself, or its dimension's "(other)" cell once the dimension has its fill of values that day. */
    private static String bounded(String cell, Map<String, Set<String>> values) {
        Set<String> known = values.computeIfAbsent(dimension(cell), d -> new HashSet<>());
        int room = dimension(cell).equals(ScoreCells.PHRASE) ? MAX_PHRASES_PER_DAY : MAX_VALUES_PER_DIMENSION;
        if (known.contains(cell) || known.size() < room) {
            known.add(cell);
            return cell;
        }
        return dimension(cell) + "=" + OTHER;
    }

    /** Where a value counted before was counted: its own cell, or "(other)" if it came when the dimension was full. */
    private static String counted(String cell, Map<String, Set<String>> values) {
        return values.getOrDefault(dimension(cell), Set.of()).contains(cell) ? cell : dimension(cell) + "=" + OTHER;
    }

    private static String boundedUnsigned(String cell, Map<String, Set<String>> values) {
        Set<String> known = values.computeIfAbsent(dimension(cell), d -> new HashSet<>());
        return known.contains(cell) || known.size() < UNSIGNED_NEW_VALUES ? bounded(cell, values)
                : dimension(cell) + "=" + OTHER;
    }

    public static String dimension(String cell) {
        return cell.substring(0, cell.indexOf('='));
    }

    public static String value(String cell) {
        return cell.substring(cell.indexOf('=') + 1);
    }

    public static String cell(String dimension, String value) {
        return dimension + "=" + value;
    }
}
