package io.halqe.domain.cases;

import java.time.Instant;
import java.util.List;

/** What the team did with a case: tags, root cause, actions, compensation offered, notes, and how it was resolved. */
public record CaseWork(List<String> tags, String rootCause, String actionsTaken, Compensation compensation,
                       List<Note> notes, String resolution, Instant closedAt) {

    public static final CaseWork NONE = new CaseWork(List.of(), null, null, null, List.of(), null, null);

    public CaseWork {
        tags = tags == null ? List.of() : List.copyOf(tags);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A discount code or a credit offered to the customer. */
    public record Compensation(String type, String value) {
    }

    public record Note(Instant at, String author, String text) {
    }
}
