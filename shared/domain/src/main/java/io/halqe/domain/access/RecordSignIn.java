package io.halqe.domain.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A person signed in: the audit log keeps it under them, as {@code sign-in} of {@code /api/users/<name>}. */
public final class RecordSignIn {

    public static final String ACTION = "sign-in";

    private final AuditLog log;

    public RecordSignIn(AuditLog log) {
        this.log = log;
    }

    /** {@code client}: the app they signed in to (its client id), when known. */
    public AuditEntry record(String username, String client, Instant at) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a sign-in names who signed in");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        if (client != null && !client.isBlank()) {
            summary.put("client", client);
        }
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), at, "user:" + username, ACTION,
                "/api/users/" + username, summary);
        log.append(entry);
        return entry;
    }
}
