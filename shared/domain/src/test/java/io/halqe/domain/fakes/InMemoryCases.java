package io.halqe.domain.fakes;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.DeliveryLedger;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.response.Page;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryCases implements CaseRepository, DeliveryLedger {

    public final Map<String, FollowUpCase> cases = new LinkedHashMap<>();
    public final Set<String> claims = new HashSet<>();

    @Override
    public Opened openIfAbsent(FollowUpCase followUpCase) {
        FollowUpCase existing = cases.putIfAbsent(followUpCase.id(), followUpCase);
        return existing == null ? new Opened(followUpCase, true) : new Opened(existing, false);
    }

    @Override
    public Optional<FollowUpCase> find(String caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    @Override
    public Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor) {
        return new Page<>(cases.values().stream().filter(c -> c.status() == status).limit(limit).toList(), null);
    }

    @Override
    public Optional<FollowUpCase> close(String caseId, String resolution, Instant at) {
        FollowUpCase current = cases.get(caseId);
        if (current == null) {
            return Optional.empty();
        }
        if (current.status() != CaseStatus.CLOSED) {
            current = new FollowUpCase(current.id(), current.responseId(), current.surveyId(), CaseStatus.CLOSED,
                    current.team(), current.owner(), current.reason(), current.npsScore(), current.comment(),
                    current.language(), current.openedAt(), current.dueAt());
            cases.put(caseId, current);
            resolutions.put(caseId, resolution);
        }
        return Optional.of(current);
    }

    public final Map<String, String> resolutions = new LinkedHashMap<>();

    @Override
    public boolean claim(String key, Instant at) {
        return claims.add(key);
    }

    @Override
    public void release(String key) {
        claims.remove(key);
    }
}
