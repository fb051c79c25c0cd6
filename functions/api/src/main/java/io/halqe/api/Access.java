package io.halqe.api;

import io.halqe.domain.access.ManageApiKeys;
import io.halqe.domain.access.Memberships;
import io.halqe.domain.access.People;
import io.halqe.domain.access.Principal;
import io.halqe.domain.access.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling. On {@code /api/…}, a bearer credential: the deploy-time bootstrap key (an admin, until disabled) or
 * a machine key ({@code hq_…}). What a credential resolves to is kept for {@link #FRESHNESS} (by the SHA-256 of the
 * credential, never the credential), so a revoked key or a disabled bootstrap key stops working within a minute
 * without a read per request. On {@code /console/api/…}, a signed-in person, from the claims the API's JWT authorizer
 * verified ({@link People}); an agent's teams are read the same way, so a membership change holds within a minute.
 */
final class Access {

    static final Duration FRESHNESS = Duration.ofSeconds(60);
    private static final int CACHED = 1_000;
    static final Principal BOOTSTRAP = new Principal("bootstrap", Set.of(Scope.ADMIN), Set.of());

    private record Resolved(Optional<Principal> principal, Instant until) {
    }

    private record Teams(Set<String> teams, Instant until) {
    }

    private final AdminKey bootstrapKey;
    private final ManageApiKeys keys;
    private final Map<String, Resolved> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Resolved> eldest) {
            return size() > CACHED;
        }
    };

    private final Memberships memberships;
    private final Map<String, Teams> teamsOf = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Teams> eldest) {
            return size() > CACHED;
        }
    };

    Access(AdminKey bootstrapKey, ManageApiKeys keys, Memberships memberships) {
        this.bootstrapKey = bootstrapKey;
        this.keys = keys;
        this.memberships = memberships;
    }

    /** A person, from verified claims: empty when there are none (the request did not pass the authorizer). */
    Optional<Principal> person(Map<String, String> verifiedClaims, Instant now) {
        return People.principal(verifiedClaims, user -> {
            Teams cached = teamsOf.get(user);
            if (cached != null && now.isBefore(cached.until())) {
                return cached.teams();
            }
            Set<String> teams = memberships.teamsOf(user);
            teamsOf.put(user, new Teams(teams, now.plus(FRESHNESS)));
            return teams;
        });
    }

    Optional<Principal> authenticate(String authorizationHeader, Instant now) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String credential = authorizationHeader.substring(7).strip();
        String hash = ManageApiKeys.sha256Hex(credential);
        Resolved cached = cache.get(hash);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.principal();
        }
        Optional<Principal> principal = bootstrapKey.authorizes(authorizationHeader)
                ? Optional.of(BOOTSTRAP).filter(admin -> !keys.bootstrapDisabled())
                : keys.authenticate(credential, now);
        cache.put(hash, new Resolved(principal, now.plus(FRESHNESS)));
        return principal;
    }
}
