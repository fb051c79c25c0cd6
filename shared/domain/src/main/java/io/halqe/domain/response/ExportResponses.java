package io.halqe.domain.response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A survey's answers for an export, read a page at a time and handed on until the page taking them is full: either a
 * window of submission time, oldest first, or what changed after a position in the {@link ChangeFeed}. Nothing is
 * collected here, so an export's memory is its page, not the survey. Drafts are not answers yet and are left out.
 */
public final class ExportResponses {

    static final int READ = 100;
    /** A key that sorts after every submission key (an instant's text; {@code Instant.MAX}'s starts with a '+'). */
    private static final Instant END_OF_KEYS = Instant.parse("9999-12-31T23:59:59Z");

    /** Takes a group of answers whole, or refuses it (the page is full); refused answers are where the next page starts. */
    @FunctionalInterface
    public interface Page {
        boolean take(List<Response> answers);
    }

    /** Where a page stopped: on from {@code afterKey} (a window) or {@code position} (changes); {@code more} if not done. */
    public record Stop(boolean more, String afterKey, Map<Integer, String> position) {
    }

    private final ResponseRepository responses;
    private final ChangeFeed changes;

    public ExportResponses(ResponseRepository responses, ChangeFeed changes) {
        this.responses = responses;
        this.changes = changes;
    }

    /** Where a changes export begun now starts: the feed's heads, taken before the first answer is read. */
    public Map<Integer, String> changesFromNow(String surveyId) {
        return changes.heads(surveyId);
    }

    /**
     * Answers submitted in {@code [from, to)} (either open), after {@code afterKey} (a key this returned; null at the
     * start), oldest first.
     */
    public Stop window(String surveyId, Instant from, Instant to, String afterKey, Page page) {
        String after = afterKey != null ? afterKey : from == null ? null : ResponseRepository.firstKeyOfSecond(from);
        // bounded by whole seconds (see ResponseRepository.firstKeyOfSecond), then kept exactly
        Instant bound = to == null ? END_OF_KEYS : to.plusSeconds(1);
        while (true) {
            List<ResponseRepository.Keyed> read = responses.submittedBetween(surveyId, after, bound, READ);
            for (ResponseRepository.Keyed keyed : read) {
                Response response = keyed.response();
                if (response.submittedWithin(from, to) && response.status() != ResponseStatus.DRAFT
                        && !page.take(List.of(response))) {
                    return new Stop(true, after, Map.of());
                }
                after = keyed.key();
            }
            if (read.size() < READ) {
                return new Stop(false, after, Map.of());
            }
        }
    }

    /** Answers the feed names after {@code position}, each as it is stored now; an answer since deleted is left out. */
    public Stop changedSince(String surveyId, Map<Integer, String> position, Page page) {
        Map<Integer, String> reached = new LinkedHashMap<>(position);
        while (true) {
            List<ChangeFeed.Entry> entries = changes.after(surveyId, reached, READ);
            if (entries.isEmpty()) {
                return new Stop(false, null, reached);
            }
            for (ChangeFeed.Entry entry : entries) {
                List<Response> stored = responses.findAll(surveyId, entry.responseIds()).stream()
                        .filter(response -> response.status() != ResponseStatus.DRAFT).toList();
                if (!page.take(stored)) {
                    return new Stop(true, null, reached);
                }
                reached.put(entry.partition(), entry.sequenceNumber());
            }
        }
    }
}
