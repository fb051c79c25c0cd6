package io.halqe.domain.access;

import io.halqe.domain.core.Page;
import java.time.Instant;

/** Append-only: entries are added, listed newest first, never changed or removed. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Entries from {@code from} to {@code to} (null: unbounded), optionally of one actor or target, newest first. */
    Page<AuditEntry> list(String actor, String target, Instant from, Instant to, int limit, String cursor);
}
