package io.halqe.domain.access;

import java.time.Instant;
import java.util.Map;

/**
 * One change: who ({@code actor}), when, what ({@code action}, e.g. {@code PUT /api/routing}), to what
 * ({@code target}, e.g. {@code /api/surveys/checkout}) and a short summary of the outcome (status, the fields sent,
 * ids made) — never the personal data itself.
 */
public record AuditEntry(String id, Instant at, String actor, String action, String target, Map<String, Object> summary) {

    public AuditEntry {
        summary = summary == null ? Map.of() : Map.copyOf(summary);
    }
}
