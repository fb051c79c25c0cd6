package io.halqe.domain.response;

import java.util.List;
import java.util.Map;

/**
 * Which answers changed, in the order they changed: an incremental export reads on from where the last one stopped.
 * Kept per response partition and ordered by the stream's sequence numbers, which only grow along a partition; the
 * enrichment function appends entries for the partitions a batch touched once the batch is analysed, and each
 * partition's batches run one after another, so a reader never sees a later entry before an earlier one exists. Entries are
 * kept {@link #KEPT_DAYS} days.
 */
public interface ChangeFeed {

    int KEPT_DAYS = 35;

    /** Answers of one partition of a survey that became enriched (anew), up to {@code sequenceNumber}. */
    void append(String surveyId, int partition, String sequenceNumber, List<String> responseIds);

    /**
     * Entries after {@code position} (partition → the last sequence number read; a partition absent: from its
     * first entry), oldest first within each partition, until about {@code limit} answers are named.
     */
    List<Entry> after(String surveyId, Map<Integer, String> position, int limit);

    /** Each partition's newest entry: where a feed read from now on starts. */
    Map<Integer, String> heads(String surveyId);

    record Entry(int partition, String sequenceNumber, List<String> responseIds) {
        public Entry {
            responseIds = List.copyOf(responseIds);
        }
    }
}
