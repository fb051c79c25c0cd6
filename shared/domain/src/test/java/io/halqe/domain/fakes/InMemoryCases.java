package io.halqe.domain.fakes;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.CaseWork;
import io.halqe.domain.cases.UpdateCase;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Page;
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

    public final java.util.Set<String> anonymised = new java.util.LinkedHashSet<>();

    @Override
    public boolean anonymise(String caseId) {
        FollowUpCase c = cases.get(caseId);
        if (c == null) {
            return false;
        }
        cases.put(caseId, new FollowUpCase(c.id(), c.responseId(), c.surveyId(), c.status(), c.team(), c.owner(),
                c.reason(), c.npsScore(), null, c.language(), c.openedAt(), c.dueAt()));
        resolutions.remove(caseId);
        anonymised.add(caseId);
        return true;
    }

    @Override
    public Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor) {
        return new Page<>(cases.values().stream().filter(c -> c.status() == status).limit(limit).toList(), null);
    }

    @Override
    public Optional<Closed> close(String caseId, String resolution, Instant at) {
        FollowUpCase current = cases.get(caseId);
        if (current == null) {
            return Optional.empty();
        }
        boolean now = current.status() != CaseStatus.CLOSED;
        if (now) {
            current = new FollowUpCase(current.id(), current.responseId(), current.surveyId(), CaseStatus.CLOSED,
                    current.team(), current.owner(), current.reason(), current.npsScore(), current.comment(),
                    current.language(), current.openedAt(), current.dueAt());
            cases.put(caseId, current);
            resolutions.put(caseId, resolution);
        }
        return Optional.of(new Closed(current, now));
    }

    public final Map<String, String> resolutions = new LinkedHashMap<>();
    public final Map<String, CaseWork> work = new LinkedHashMap<>();

    @Override
    public CaseWork work(String caseId) {
        return work.getOrDefault(caseId, CaseWork.NONE);
    }

    @Override
    public Optional<FollowUpCase> update(String caseId, CaseStatus from, CaseStatus to, UpdateCase.Patch patch, Instant at) {
        FollowUpCase c = cases.get(caseId);
        if (c == null || c.status() != from) {
            return Optional.empty();
        }
        FollowUpCase updated = new FollowUpCase(c.id(), c.responseId(), c.surveyId(), to == null ? c.status() : to,
                patch.team() == null ? c.team() : patch.team(), patch.owner() == null ? c.owner() : patch.owner(),
                c.reason(), c.npsScore(), c.comment(), c.language(), c.openedAt(), c.dueAt());
        cases.put(caseId, updated);
        CaseWork w = work(caseId);
        work.put(caseId, new CaseWork(patch.tags() == null ? w.tags() : patch.tags(),
                patch.rootCause() == null ? w.rootCause() : patch.rootCause(),
                patch.actionsTaken() == null ? w.actionsTaken() : patch.actionsTaken(),
                patch.compensation() == null ? w.compensation() : patch.compensation(), w.notes(), w.resolution(),
                w.closedAt(), w.escalatedAt(), w.remeasurement()));
        return Optional.of(updated);
    }

    @Override
    public boolean addNote(String caseId, CaseWork.Note note) {
        if (!cases.containsKey(caseId)) {
            return false;
        }
        CaseWork w = work(caseId);
        java.util.List<CaseWork.Note> notes = new java.util.ArrayList<>(w.notes());
        notes.add(note);
        work.put(caseId, new CaseWork(w.tags(), w.rootCause(), w.actionsTaken(), w.compensation(), notes, w.resolution(),
                w.closedAt(), w.escalatedAt(), w.remeasurement()));
        return true;
    }

    @Override
    public java.util.List<FollowUpCase> overdue(CaseStatus status, Instant now, int limit) {
        return cases.values().stream().filter(c -> c.status() == status && c.dueAt().isBefore(now))
                .filter(c -> work(c.id()).escalatedAt() == null)
                .filter(c -> !escalationParked.contains(c.id()))
                .filter(c -> !escalationRetryAt.getOrDefault(c.id(), Instant.MIN).isAfter(now))
                .sorted(java.util.Comparator.comparing(FollowUpCase::dueAt)).limit(limit).toList();
    }

    public final Map<String, Integer> escalationAttempts = new LinkedHashMap<>();
    public final Map<String, Instant> escalationRetryAt = new LinkedHashMap<>();
    public final java.util.Set<String> escalationParked = new java.util.LinkedHashSet<>();

    @Override
    public int recordEscalationFailure(String caseId) {
        return escalationAttempts.merge(caseId, 1, Integer::sum);
    }

    @Override
    public void deferEscalation(String caseId, Instant retryAt) {
        escalationRetryAt.put(caseId, retryAt);
    }

    @Override
    public void parkEscalation(String caseId) {
        escalationParked.add(caseId);
    }

    @Override
    public void clearEscalationFailures(String caseId) {
        escalationAttempts.remove(caseId);
        escalationRetryAt.remove(caseId);
        escalationParked.remove(caseId);
    }

    @Override
    public boolean recordRemeasurement(String caseId, CaseWork.Remeasurement remeasurement) {
        CaseWork w = work(caseId);
        if (!cases.containsKey(caseId) || w.remeasurement() != null) {
            return false;
        }
        work.put(caseId, new CaseWork(w.tags(), w.rootCause(), w.actionsTaken(), w.compensation(), w.notes(),
                w.resolution(), w.closedAt(), w.escalatedAt(), remeasurement));
        return true;
    }

    @Override
    public boolean markEscalated(String caseId, Instant at) {
        FollowUpCase c = cases.get(caseId);
        CaseWork w = work(caseId);
        if (c == null || w.escalatedAt() != null || c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED) {
            return false;
        }
        work.put(caseId, new CaseWork(w.tags(), w.rootCause(), w.actionsTaken(), w.compensation(), w.notes(),
                w.resolution(), w.closedAt(), at, w.remeasurement()));
        return true;
    }

    @Override
    public boolean claim(String key, Instant at) {
        return claims.add(key);
    }

    @Override
    public void release(String key) {
        claims.remove(key);
    }

    @Override
    public boolean claimed(String key, Instant at) {
        return claims.contains(key);
    }
}
