package io.halqe.domain.fakes;

import io.halqe.domain.enrichment.Enrichment;
import io.halqe.domain.response.Page;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.ResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryResponses implements ResponseRepository {

    public final Map<String, Response> stored = new LinkedHashMap<>();

    @Override
    public Optional<Response> insertIfAbsent(Response response) {
        Response existing = stored.putIfAbsent(response.id(), response);
        return Optional.ofNullable(existing);
    }

    @Override
    public Optional<Response> find(String responseId) {
        return Optional.ofNullable(stored.get(responseId));
    }

    @Override
    public boolean markEnriched(Response response, Enrichment enrichment) {
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
