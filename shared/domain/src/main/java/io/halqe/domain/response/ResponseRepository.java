package io.halqe.domain.response;

import io.halqe.domain.enrichment.Enrichment;
import java.util.Optional;

public interface ResponseRepository {

    /** Stores a new response; if one with its id exists already, returns that one instead (nothing is written). */
    Optional<Response> insertIfAbsent(Response response);

    Optional<Response> find(String responseId);

    /** Records the enrichment once: true if this call moved the response from received to enriched. */
    boolean markEnriched(Response response, Enrichment enrichment);

    Page<Response> listBySurvey(String surveyId, int limit, String cursor);

    final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException() {
            super("cursor is not one this API returned");
        }
    }
}
