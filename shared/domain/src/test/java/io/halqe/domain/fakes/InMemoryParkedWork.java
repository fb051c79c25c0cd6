package io.halqe.domain.fakes;

import io.halqe.domain.parking.ParkedWork;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parked work in memory; re-queued stream records are recorded in {@link #requeuedResponses}. */
public final class InMemoryParkedWork implements ParkedWork {

    public final Map<String, Parked> parked = new LinkedHashMap<>();
    public final Map<String, Parked> requeued = new LinkedHashMap<>();
    public final List<Parked> requeuedResponses = new java.util.ArrayList<>();

    @Override
    public void park(Parked entry) {
        requeued.remove(entry.id());
        parked.put(entry.id(), entry);
    }

    @Override
    public List<Parked> list(int limit) {
        return parked.values().stream().sorted(Comparator.comparing(Parked::parkedAt).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<Parked> find(String id) {
        return Optional.ofNullable(parked.get(id));
    }

    @Override
    public boolean remove(String id) {
        return parked.remove(id) != null | requeued.remove(id) != null;
    }

    @Override
    public boolean markRequeued(String id, Instant at) {
        Parked entry = parked.remove(id);
        if (entry == null) {
            return false;
        }
        requeued.put(id, entry);
        return true;
    }

    @Override
    public List<Parked> requeued(Kind kind, int limit) {
        return requeued.values().stream().filter(entry -> entry.kind() == kind).limit(limit).toList();
    }

    @Override
    public boolean requeueResponse(Parked entry) {
        if (parked.remove(entry.id()) == null) {
            return false;
        }
        requeuedResponses.add(entry);
        return true;
    }
}
