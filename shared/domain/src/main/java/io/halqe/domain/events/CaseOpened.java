package io.halqe.domain.events;

import java.time.Instant;

/** Detail of {@code CaseOpened} (schema: events/schemas/CaseOpened.v1.json). */
public record CaseOpened(
        String version,
        String caseId,
        String responseId,
        String surveyId,
        String team,
        String owner,
        Instant dueAt,
        String reason) implements DomainEvent {

    public static final String DETAIL_TYPE = "CaseOpened";
    public static final String VERSION = "1";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
