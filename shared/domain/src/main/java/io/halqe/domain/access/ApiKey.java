package io.halqe.domain.access;

import java.time.Instant;
import java.util.Set;

/**
 * A named key for a machine (a BI job, a CRM sync): its scopes, who made it and when, when it expires and whether it
 * was revoked. Only the SHA-256 of its secret is kept; the secret is shown once, when it is made.
 */
public record ApiKey(String id, String name, Set<Scope> scopes, String createdBy, Instant createdAt, Instant expiresAt,
                     Instant revokedAt, String secretSha256) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, name, scopes, createdBy, createdAt, expiresAt, at, secretSha256);
    }

    public Principal principal() {
        return new Principal("key:" + id, scopes, Set.of());
    }
}
