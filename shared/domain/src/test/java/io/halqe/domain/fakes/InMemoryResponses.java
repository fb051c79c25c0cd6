package io.halqe.domain.fakes;

import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.FinalizeDrafts;
import io.halqe.domain.core.Page;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.ResponseStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Behaves like the conditional writes: a draft may be replaced, a submitted response may not. */
public final class InMemoryResponses implements ResponseRepository {

    public final Map<String, Response> stored = new LinkedHashMap<>();
    /** What each late completion replaced, by response id. */
    public final Map<String, Response> replaced = new LinkedHashMap<>();

    @Override
    public Optional<Response> find(String surveyId, String responseId) {
        return Optional.ofNullable(stored.get(responseId)).filter(response -> response.surveyId().equals(surveyId));
    }

    @Override
    public boolean completeLate(Response previous, Response completed) {
        Response current = stored.get(previous.id());
        if (current == null || current.status() != ResponseStatus.ENRICHED || !current.partial()) {
            return false;
        }
        replaced.put(previous.id(), current);
        stored.put(completed.id(), completed);
        return true;
    }

    @Override
    public List<Keyed> submittedBetween(String surveyId, String afterKey, java.time.Instant before, int limit) {
        return stored.values().stream().filter(r -> r.surveyId().equals(surveyId) && r.submittedAt().isBefore(before))
                .map(r -> new Keyed(r, r.submittedAt() + "#" + r.id()))
                .filter(keyed -> afterKey == null || keyed.key().compareTo(afterKey) > 0)
                .sorted(java.util.Comparator.comparing(Keyed::key)).limit(limit).toList();
    }

    @Override
    public void replaceAnonymised(Response anonymised) {
        stored.put(anonymised.id(), anonymised);
    }

    @Override
    public Optional<Response> insertIfAbsent(Response response) {
        Response existing = stored.get(response.id());
        if (existing != null && existing.status() != ResponseStatus.DRAFT) {
            return Optional.of(existing);
        }
        stored.put(response.id(), response);
        return Optional.empty();
    }

    @Override
    public List<Response> abandonedDrafts(Instant now, int limit) {
        return stored.values().stream().filter(r -> r.status() == ResponseStatus.DRAFT
                && !r.submittedAt().plus(FinalizeDrafts.DRAFT_TIMEOUT).isAfter(now)).limit(limit).toList();
    }

    @Override
    public boolean finalizeDraft(Response draft) {
        Response current = stored.get(draft.id());
        if (current == null || current.status() != ResponseStatus.DRAFT) {
            return false;
        }
        stored.put(draft.id(), new Response(current.id(), current.surveyId(), current.surveyVersion(), current.answers(),
                current.language(), current.submittedAt(), ResponseStatus.RECEIVED, null, current.hidden(),
                current.customerId(), current.invitationId(), true));
        return true;
    }

    @Override
    public Optional<Response> find(String responseId) {
        return Optional.ofNullable(stored.get(responseId));
    }

    /** Synchronized: enrichment writes a batch's answers a few at a time. */
    @Override
    public synchronized boolean markEnriched(Response response, Enrichment enrichment) {
        Response current = stored.get(response.id());
        if (current == null || current.status() != ResponseStatus.RECEIVED) {
            return false;
        }
        stored.put(response.id(), current.enriched(enrichment));
        return true;
    }

    @Override
    public Page<Response> listBySurvey(String surveyId, int limit, String cursor) {
        return new Page<>(stored.values().stream().filter(r -> r.surveyId().equals(surveyId)).limit(limit).toList(), null);
    }
}
