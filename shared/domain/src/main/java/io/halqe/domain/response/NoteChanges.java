package io.halqe.domain.response;

import io.halqe.domain.core.SequenceNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notes a scored stream batch in the change feed: per survey partition the batch touched, its answers in stream order,
 * {@link #PER_ENTRY} an entry (so an export page can always take an entry whole).
 */
public final class NoteChanges {

    public static final int PER_ENTRY = 25;

    /** An answer that became enriched, at its stream record's place in its partition. */
    public record Changed(String surveyId, int partition, String sequenceNumber, String responseId) {
    }

    private record PartitionKey(String surveyId, int partition) {
    }

    private final ChangeFeed feed;

    public NoteChanges(ChangeFeed feed) {
        this.feed = feed;
    }

    public void note(List<Changed> batch) {
        Map<PartitionKey, List<Changed>> byPartition = new LinkedHashMap<>();
        for (Changed changed : batch) {
            byPartition.computeIfAbsent(new PartitionKey(changed.surveyId(), changed.partition()),
                    key -> new ArrayList<>()).add(changed);
        }
        byPartition.forEach((key, changes) -> {
            List<Changed> ordered = changes.stream()
                    .sorted(java.util.Comparator.comparing(Changed::sequenceNumber, SequenceNumbers.ORDER)).toList();
            for (int from = 0; from < ordered.size(); from += PER_ENTRY) {
                List<Changed> entry = ordered.subList(from, Math.min(ordered.size(), from + PER_ENTRY));
                Set<String> ids = new LinkedHashSet<>();
                entry.forEach(changed -> ids.add(changed.responseId()));
                feed.append(key.surveyId(), key.partition(), entry.getLast().sequenceNumber(), List.copyOf(ids));
            }
        });
    }
}
