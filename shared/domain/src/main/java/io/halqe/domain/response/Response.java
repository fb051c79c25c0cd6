package io.halqe.domain.response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A stored response; {@code enrichment} is null until enrichment has run. {@code hidden} holds the CRM fields the
 * link carried; {@code customerId} and {@code invitationId} are set when it came through a signed invitation.
 * {@code partial} marks a response the respondent left before finishing: what they answered still counts.
 * {@code historical} marks an answer given before Halqe (imported from another tool, dated as it was given): it counts
 * in scores, analysis and the customer's history, and no alert, case, email or re-survey acts on it.
 */
public record Response(
        String id,
        String surveyId,
        int surveyVersion,
        Map<String, Answer> answers,
        String language,
        Instant submittedAt,
        ResponseStatus status,
        Enrichment enrichment,
        Map<String, String> hidden,
        String customerId,
        String invitationId,
        boolean partial,
        boolean historical) {

    public Response {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        hidden = hidden == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    /** An answer given here. */
    public Response(String id, String surveyId, int surveyVersion, Map<String, Answer> answers, String language,
                    Instant submittedAt, ResponseStatus status, Enrichment enrichment, Map<String, String> hidden,
                    String customerId, String invitationId, boolean partial) {
        this(id, surveyId, surveyVersion, answers, language, submittedAt, status, enrichment, hidden, customerId,
                invitationId, partial, false);
    }

    /** A response with no link context (tests, direct posts). */
    public static Response received(String id, String surveyId, int surveyVersion, Map<String, Answer> answers,
                                    String language, Instant submittedAt) {
        return new Response(id, surveyId, surveyVersion, answers, language, submittedAt, ResponseStatus.RECEIVED, null,
                Map.of(), null, null, false);
    }

    public Response enriched(Enrichment result) {
        return new Response(id, surveyId, surveyVersion, answers, language, submittedAt, ResponseStatus.ENRICHED, result,
                hidden, customerId, invitationId, partial, historical);
    }

    /**
     * The same response without the person (erasure): no text answers, hidden fields, customer or invitation, and
     * an anonymised enrichment; scores and choices stay, so every figure computed from it stays too.
     */
    public Response anonymised() {
        Map<String, Answer> kept = new LinkedHashMap<>();
        answers.forEach((question, answer) -> {
            if (!(answer instanceof Answer.Text)) {
                kept.put(question, answer);
            }
        });
        return new Response(id, surveyId, surveyVersion, kept, language, submittedAt, status,
                enrichment == null ? null : enrichment.anonymised(), Map.of(), null, null, partial, historical);
    }

    /** Submitted in {@code [from, to)}; a null bound is open. */
    public boolean submittedWithin(Instant from, Instant to) {
        return (from == null || !submittedAt.isBefore(from)) && (to == null || submittedAt.isBefore(to));
    }

    public Optional<NpsCategory> npsCategory() {
        return Optional.ofNullable(enrichment).map(Enrichment::npsCategory);
    }

    /** Same submission: what a repeated idempotency key or invitation must match. */
    public boolean sameSubmissionAs(Response other) {
        return answers.equals(other.answers) && hidden.equals(other.hidden);
    }

    /** A partial save after this was submitted repeats some of its answers and adds nothing. */
    public boolean covers(Response draft) {
        return answers.entrySet().containsAll(draft.answers.entrySet());
    }
}
