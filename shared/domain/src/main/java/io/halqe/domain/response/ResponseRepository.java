package io.halqe.domain.response;

import io.halqe.domain.core.Page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ResponseRepository {

    /**
     * Stores a response or a draft unless a submitted (non-draft) response with its id exists, which is then returned
     * and nothing is written. A draft with the id is replaced.
     */
    Optional<Response> insertIfAbsent(Response response);

    /**
     * Each as {@link #insertIfAbsent} (a store may write them together: DynamoDB a hundred in one transaction); per
     * response, in order, the submitted response it met, if any.
     */
    default List<Optional<Response>> insertAllIfAbsent(List<Response> batch) {
        return batch.stream().map(this::insertIfAbsent).toList();
    }

    /** Drafts whose respondent has been gone since {@code now - DRAFT_TIMEOUT}, oldest first. */
    List<Response> abandonedDrafts(Instant now, int limit);

    /**
     * A late completion: {@code completed} replaces {@code previous} — a partial answer that was finalised and
     * enriched — and enters the pipeline again, carrying {@code previous} so scoring takes back what it counted.
     * False if {@code previous} is no longer that (another completion won).
     */
    boolean completeLate(Response previous, Response completed);

    /** draft → received, marked partial, so it enters the pipeline; false if it was completed meanwhile. */
    boolean finalizeDraft(Response draft);

    Optional<Response> find(String responseId);

    /** One read by key, when the survey is known too. */
    Optional<Response> find(String surveyId, String responseId);

    /** The stored ones of a survey's answers, in the order asked; those not stored are left out. */
    default List<Response> findAll(String surveyId, List<String> responseIds) {
        return responseIds.stream().map(id -> find(surveyId, id)).flatMap(Optional::stream).toList();
    }

    /**
     * A survey's responses submitted after {@code afterKey} (exclusive; null: from the first) and before
     * {@code before}, oldest first, at most {@code limit}; each with its key, to resume from.
     */
    List<Keyed> submittedBetween(String surveyId, String afterKey, Instant before, int limit);

    /** A response with the position a listing resumes after. */
    record Keyed(Response response, String key) {
    }

    /** Overwrites a stored response with its anonymised form (erasure); streams no new work. */
    void replaceAnonymised(Response anonymised);

    /** Records the enrichment once: true if this call moved the response from received to enriched. */
    boolean markEnriched(Response response, Enrichment enrichment);

    Page<Response> listBySurvey(String surveyId, int limit, String cursor);

    /**
     * Newest first, submitted in {@code [from, to)} (either null: open). A page may hold fewer than {@code limit} and
     * still have a next one.
     */
    default Page<Response> listBySurvey(String surveyId, Instant from, Instant to, int limit, String cursor) {
        Page<Response> page = listBySurvey(surveyId, limit, cursor);
        return new Page<>(page.items().stream().filter(response -> response.submittedWithin(from, to)).toList(),
                page.next());
    }

    /**
     * Where a range of listing keys starts for answers submitted from {@code instant} on. A key begins with the
     * submission instant's ISO text, whose fraction sorts oddly within its second ({@code …:00.5Z} before
     * {@code …:00Z}): this sorts before every key of the instant's second, and a range read from it is then kept
     * exactly.
     */
    static String firstKeyOfSecond(Instant instant) {
        String text = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return text.substring(0, text.length() - 1);
    }
}
