package io.halqe.domain.response;

import io.halqe.domain.enrichment.Enrichment;
import io.halqe.domain.enrichment.NpsCategory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A stored response; {@code enrichment} is null until enrichment has run. */
public record Response(
        String id,
        String surveyId,
        int surveyVersion,
        Map<String, Answer> answers,
        String language,
        Instant submittedAt,
        ResponseStatus status,
        Enrichment enrichment) {

    public Response {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public Response enriched(Enrichment result) {
        return new Response(id, surveyId, surveyVersion, answers, language, submittedAt, ResponseStatus.ENRICHED, result);
    }

    public Optional<NpsCategory> npsCategory() {
        return Optional.ofNullable(enrichment).map(Enrichment::npsCategory);
    }
}
