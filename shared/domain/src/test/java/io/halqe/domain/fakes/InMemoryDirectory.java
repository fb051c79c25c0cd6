package io.halqe.domain.fakes;

import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerHealth;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.core.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Newest updatedAt wins; history keyed by response like the table's sort key. */
public final class InMemoryDirectory implements CustomerDirectory {

    public final Map<String, CustomerProfile> profiles = new HashMap<>();
    public final Map<String, Map<String, FeedbackEntry>> histories = new HashMap<>();
    public int batchLookups;

    @Override
    public Upserted upsert(CustomerProfile profile) {
        CustomerProfile current = profiles.get(profile.id());
        if (current != null && current.updatedAt() != null && current.updatedAt().isAfter(profile.updatedAt())) {
            return Upserted.STALE;
        }
        profiles.put(profile.id(), profile);
        return current == null ? Upserted.CREATED : Upserted.UPDATED;
    }

    @Override
    public void fillIn(CustomerProfile known) {
        CustomerProfile c = profiles.get(known.id());
        if (c == null) {
            profiles.put(known.id(), known);
            return;
        }
        profiles.put(c.id(), new CustomerProfile(c.id(), first(c.name(), known.name()), first(c.email(), known.email()),
                first(c.phone(), known.phone()), c.segment(), c.plan(), c.lifetimeValue(), c.region(), c.accountOwner(),
                first(c.language(), known.language()), first(c.timeZone(), known.timeZone()), c.attributes(),
                c.updatedAt()));
    }

    private static String first(String stored, String known) {
        return stored != null ? stored : known;
    }

    @Override
    public void forgetComment(String customerId, java.time.Instant submittedAt, String responseId) {
        var history = histories.get(customerId);
        FeedbackEntry entry = history == null ? null : history.get(responseId);
        if (entry != null) {
            history.put(responseId, new FeedbackEntry(entry.responseId(), entry.surveyId(), entry.submittedAt(),
                    entry.npsScore(), entry.npsCategory(), entry.sentiment(), entry.themes(), entry.feedbackType(), null,
                    entry.language()));
        }
    }

    @Override
    public int erase(String customerId) {
        int removed = (profiles.remove(customerId) != null ? 1 : 0) + (health.remove(customerId) != null ? 1 : 0);
        var history = histories.remove(customerId);
        return removed + (history == null ? 0 : history.size());
    }

    @Override
    public Optional<CustomerProfile> find(String customerId) {
        return Optional.ofNullable(profiles.get(customerId));
    }

    public final Map<String, CustomerHealth> health = new HashMap<>();

    @Override
    public Known lookup(Collection<String> customerIds) {
        batchLookups++;
        Map<String, CustomerProfile> found = new HashMap<>();
        Map<String, CustomerHealth> healthFound = new HashMap<>();
        customerIds.forEach(id -> {
            find(id).ifPresent(profile -> found.put(id, profile));
            if (health.containsKey(id)) {
                healthFound.put(id, health.get(id));
            }
        });
        Map<String, Long> versions = new HashMap<>();
        healthFound.keySet().forEach(id -> versions.put(id, healthVersions.getOrDefault(id, 0L)));
        afterLookup.run();
        return new Known(found, healthFound, versions);
    }

    @Override
    public void appendHistory(Map<String, List<FeedbackEntry>> entriesByCustomer, Collection<CustomerHealth> updated) {
        entriesByCustomer.forEach((id, entries) -> entries.forEach(entry ->
                histories.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(entry.responseId(), entry)));
        updated.forEach(h -> health.put(h.customerId(), h));
    }

    @Override
    public Optional<CustomerHealth> health(String customerId) {
        return Optional.ofNullable(health.get(customerId));
    }

    public final Map<String, Long> healthVersions = new HashMap<>();
    /** Runs after a lookup has read: a test's other writer, coming between this batch's read and its write. */
    public Runnable afterLookup = () -> { };

    @Override
    public StoredHealth storedHealth(String customerId) {
        return new StoredHealth(health.get(customerId), healthVersions.getOrDefault(customerId, 0L));
    }

    @Override
    public boolean replaceHealth(CustomerHealth next, long seenVersion) {
        if (healthVersions.getOrDefault(next.customerId(), 0L) != seenVersion) {
            return false;
        }
        health.put(next.customerId(), next);
        healthVersions.put(next.customerId(), seenVersion + 1);
        return true;
    }

    @Override
    public Page<FeedbackEntry> history(String customerId, int limit, String cursor) {
        List<FeedbackEntry> entries = new ArrayList<>(histories.getOrDefault(customerId, Map.of()).values());
        entries.sort(Comparator.comparing(FeedbackEntry::submittedAt).reversed());
        return new Page<>(entries.stream().limit(limit).toList(), null);
    }
}
