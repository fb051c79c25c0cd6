package io.halqe.domain.access;

import java.time.Instant;
import java.util.Set;

/**
 * A named key for a machine (a BI job, a CRM sync): its scopes, the teams whose cases and answers it may see (none:
 * every team), who made it and when, when it expires and whether it was revoked. Only the SHA-256 of its secret is
 * kept; the secret is shown once, when it is made.
 */
public record ApiKey(String id, String name, Set<Scope> scopes, Set<String> teams, String createdBy, Instant createdAt,
                     Instant expiresAt, Instant revokedAt, String secretSha256) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, name, scopes, teams, createdBy, createdAt, expiresAt, at, secretSha256);
    }

    public Principal principal() {
        return new Principal("key:" + id, scopes, teams);
    }
}
