package io.halqe.domain.cases;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a case after it opened: tags, root cause, actions, compensation offered, notes, how it was
 * resolved, when it was escalated past its due time, and what the customer said when surveyed again after it closed.
 */
public record CaseWork(List<String> tags, String rootCause, String actionsTaken, Compensation compensation,
                       List<Note> notes, String resolution, Instant closedAt, Instant escalatedAt,
                       Remeasurement remeasurement) {

    public static final CaseWork NONE = new CaseWork(List.of(), null, null, null, List.of(), null, null);

    public CaseWork {
        tags = tags == null ? List.of() : List.copyOf(tags);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public CaseWork(List<String> tags, String rootCause, String actionsTaken, Compensation compensation,
                    List<Note> notes, String resolution, Instant closedAt) {
        this(tags, rootCause, actionsTaken, compensation, notes, resolution, closedAt, null, null);
    }

    /** A discount code or a credit offered to the customer. */
    public record Compensation(String type, String value) {
    }

    public record Note(Instant at, String author, String text) {
    }

    /** The score that opened the case, the score of the re-survey after it closed, and when that was answered. */
    public record Remeasurement(Integer scoreBefore, Integer scoreAfter, Instant answeredAt) {
    }
}
