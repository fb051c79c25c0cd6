package io.halqe.domain.fakes;

import io.halqe.domain.core.Page;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.text.EmailAddresses;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entries by canonical address; a forgotten entry keeps the key (as the table keeps a hash) but no address. */
public final class InMemorySuppressionList implements SuppressionList {

    public final Map<String, Suppression> entries = new LinkedHashMap<>();

    @Override
    public boolean isSuppressed(String address) {
        return address != null && (entries.containsKey(EmailAddresses.canonical(address))
                || entries.containsKey("#" + SuppressionList.idOf(address)));
    }

    @Override
    public void suppress(String address, String reason, Instant at) {
        entries.put(EmailAddresses.canonical(address), new Suppression(SuppressionList.idOf(address),
                EmailAddresses.canonical(address), reason, at));
    }

    @Override
    public void suppressId(String id, String reason, Instant at) {
        String key = entries.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse("#" + id);
        Suppression old = entries.get(key);
        entries.put(key, new Suppression(id, old == null ? null : old.address(), reason, at));
    }

    @Override
    public boolean lift(String id) {
        return entries.values().removeIf(entry -> entry.id().equals(id));
    }

    @Override
    public Page<Suppression> list(int limit, String cursor) {
        return new Page<>(List.copyOf(entries.values()), null);
    }

    @Override
    public void forget(String address, Instant at) {
        Suppression old = entries.get(EmailAddresses.canonical(address));
        entries.put(EmailAddresses.canonical(address), old == null
                ? new Suppression(SuppressionList.idOf(address), null, "erased", at)
                : new Suppression(old.id(), null, old.reason(), old.at()));
    }
}
