package io.halqe.domain.fakes;

import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.DayKey;
import io.halqe.domain.scoring.Tally;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Behaves like the conditional write: the add happens only if the day is still at the version that was read. */
public final class InMemoryAggregates implements AggregateStore {

    public final Map<DayKey, StoredDay> items = new HashMap<>();
    public int writes;

    @Override
    public Map<DayKey, StoredDay> load(Collection<DayKey> keys) {
        Map<DayKey, StoredDay> loaded = new HashMap<>();
        keys.forEach(key -> {
            if (items.containsKey(key)) {
                loaded.put(key, items.get(key));
            }
        });
        return loaded;
    }

    @Override
    public boolean add(DayKey key, StoredDay read, Map<String, Tally> delta, Map<Integer, String> newWatermarks) {
        StoredDay current = items.get(key);
        if ((current == null ? -1 : current.version()) != (read == null ? -1 : read.version())) {
            return false;
        }
        writes++;
        Map<String, Tally> cells = new HashMap<>(current == null ? Map.of() : current.cells());
        delta.forEach((cell, tally) -> cells.merge(cell, tally, Tally::plus));
        cells.values().removeIf(Tally::isEmpty);
        Map<Integer, String> moved = new HashMap<>(current == null ? Map.of() : current.watermarks());
        moved.putAll(newWatermarks);
        items.put(key, new StoredDay(key.day(), current == null ? 1 : current.version() + 1, cells, moved));
        return true;
    }

    @Override
    public List<StoredDay> days(String surveyId, LocalDate from, LocalDate to) {
        return items.entrySet().stream()
                .filter(e -> e.getKey().surveyId().equals(surveyId)
                        && (from == null || !e.getKey().day().isBefore(from)) && (to == null || !e.getKey().day().isAfter(to)))
                .map(Map.Entry::getValue).sorted(java.util.Comparator.comparing(StoredDay::day)).toList();
    }

    public Tally total(String surveyId, String cell) {
        return days(surveyId, null, null).stream().map(day -> day.cells().getOrDefault(cell, Tally.EMPTY))
                .reduce(Tally.EMPTY, Tally::plus);
    }
}
