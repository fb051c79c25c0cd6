package io.halqe.domain.fakes;

import io.halqe.domain.scoring.AggregateKey;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.Tally;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Behaves like the conditional write: the add happens only if the watermark is still the expected one. */
public final class InMemoryAggregates implements AggregateStore {

    public final Map<AggregateKey, StoredAggregate> items = new HashMap<>();
    public int writes;

    @Override
    public Map<AggregateKey, StoredAggregate> load(Collection<AggregateKey> keys) {
        Map<AggregateKey, StoredAggregate> loaded = new HashMap<>();
        keys.forEach(key -> {
            if (items.containsKey(key)) {
                loaded.put(key, items.get(key));
            }
        });
        return loaded;
    }

    @Override
    public boolean add(AggregateKey key, Tally delta, String expectedWatermark, String newWatermark) {
        StoredAggregate current = items.get(key);
        if (!Objects.equals(current == null ? null : current.watermark(), expectedWatermark)) {
            return false;
        }
        writes++;
        items.put(key, new StoredAggregate((current == null ? Tally.EMPTY : current.tally()).plus(delta), newWatermark));
        return true;
    }

    @Override
    public Tally total(String surveyId, String bucket) {
        return items.entrySet().stream()
                .filter(entry -> entry.getKey().surveyId().equals(surveyId) && entry.getKey().bucket().equals(bucket))
                .map(entry -> entry.getValue().tally()).reduce(Tally.EMPTY, Tally::plus);
    }
}
