package io.halqe.domain.fakes;

import io.halqe.domain.alerts.DigestEntry;
import io.halqe.domain.alerts.DigestPeriod;
import io.halqe.domain.alerts.DigestStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class InMemoryDigests implements DigestStore {

    public final Map<String, DigestEntry> entries = new LinkedHashMap<>();

    @Override
    public void add(DigestEntry entry) {
        entries.put(entry.period() + "#" + entry.periodKey() + "#" + entry.recipient() + "#" + entry.ruleId() + "#"
                + entry.responseId(), entry);
    }

    @Override
    public List<DigestEntry> entries(DigestPeriod period, String periodKey) {
        return entries.values().stream()
                .filter(e -> e.period().equals(period.id()) && e.periodKey().equals(periodKey)).toList();
    }
}
