package io.halqe.domain.fakes;

import io.halqe.domain.outreach.ContactLog;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.OutreachRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outreach and the contact log in memory, with the adapters' semantics (claims, conditional scheduling). */
public final class InMemoryOutreach implements OutreachRepository, ContactLog {

    public final Map<String, Stored> items = new LinkedHashMap<>();
    private final Map<String, Instant> lastContact = new HashMap<>();
    private final Map<String, String> lastOutreach = new HashMap<>();

    @Override
    public List<Outreach> due(Instant now, int limit) {
        return items.values().stream().filter(s -> s.status().equals("pending") && !s.outreach().dueAt().isAfter(now))
                .map(Stored::outreach).sorted(Comparator.comparing(Outreach::dueAt)).limit(limit).toList();
    }

    @Override
    public boolean claim(Outreach outreach, Instant now) {
        return set(outreach, "pending", "sending");
    }

    @Override
    public void markSent(Outreach outreach, Instant now) {
        set(outreach, "sending", "sent");
    }

    @Override
    public void markSkipped(Outreach outreach, String reason, Instant now) {
        set(outreach, "sending", "skipped:" + reason);
    }

    @Override
    public void release(Outreach outreach, Instant dueAt) {
        items.put(outreach.id(), new Stored(outreach.withDueAt(dueAt), "pending"));
    }

    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Parked> parked = new LinkedHashMap<>();

    @Override
    public int recordFailure(Outreach outreach, String reason) {
        return attempts.merge(outreach.id(), 1, Integer::sum);
    }

    @Override
    public void park(Outreach outreach, String reason, Instant now) {
        items.put(outreach.id(), new Stored(outreach, "parked"));
        parked.put(outreach.id(), new Parked(outreach, reason, attempts.getOrDefault(outreach.id(), 0), now));
    }

    @Override
    public List<Parked> parked(int limit) {
        return parked.values().stream().sorted(Comparator.comparing(Parked::parkedAt).reversed()).limit(limit).toList();
    }

    @Override
    public boolean requeue(String id, Instant now) {
        Parked was = parked.remove(id);
        if (was == null) {
            return false;
        }
        attempts.remove(id);
        items.put(id, new Stored(was.outreach().withDueAt(now), "pending"));
        return true;
    }

    @Override
    public boolean schedule(Outreach outreach) {
        return items.putIfAbsent(outreach.id(), new Stored(outreach, "pending")) == null;
    }

    @Override
    public Optional<Stored> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    private boolean set(Outreach outreach, String from, String to) {
        Stored stored = items.get(outreach.id());
        if (stored == null || !stored.status().equals(from)) {
            return false;
        }
        items.put(outreach.id(), new Stored(stored.outreach(), to));
        return true;
    }

    public String status(String id) {
        return items.get(id).status();
    }

    @Override
    public boolean claim(String customerKey, String outreachId, Instant at, Instant capStart) {
        Instant last = lastContact.get(customerKey);
        if (last != null && !last.isBefore(capStart) && !outreachId.equals(lastOutreach.get(customerKey))) {
            return false;
        }
        record(customerKey, outreachId, at);
        return true;
    }

    @Override
    public void record(String customerKey, String outreachId, Instant at) {
        lastContact.put(customerKey, at);
        lastOutreach.put(customerKey, outreachId);
    }

    @Override
    public Optional<Instant> lastContact(String customerKey) {
        return Optional.ofNullable(lastContact.get(customerKey));
    }
}
