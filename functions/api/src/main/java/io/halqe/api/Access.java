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

    private final AdminKey bootstrapKey;
    private final ManageApiKeys keys;
    private final Memberships memberships;
    /** By the SHA-256 of a credential: who it is (empty: nobody). */
    private final Fresh<Optional<Principal>> credentials = new Fresh<>();
    /** By user name: the teams listing them as a member. */
    private final Fresh<Set<String>> teamsOf = new Fresh<>();

    /** The last {@link #CACHED} values looked up, each for {@link #FRESHNESS}; one execution environment at a time. */
    private static final class Fresh<V> {
        private record Held<V>(V value, Instant until) {
        }

        private final Map<String, Held<V>> entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held<V>> eldest) {
                return size() > CACHED;
            }
        };

        V get(String key, Instant now, java.util.function.Supplier<V> lookUp) {
            Held<V> cached = entries.get(key);
            if (cached != null && now.isBefore(cached.until())) {
                return cached.value();
            }
            V value = lookUp.get();
            entries.put(key, new Held<>(value, now.plus(FRESHNESS)));
            return value;
        }
    }

    Access(AdminKey bootstrapKey, ManageApiKeys keys, Memberships memberships) {
        this.bootstrapKey = bootstrapKey;
        this.keys = keys;
        this.memberships = memberships;
    }

    /** A person, from verified claims: empty when there are none (the request did not pass the authorizer). */
    Optional<Principal> person(Map<String, String> verifiedClaims, Instant now) {
        return People.principal(verifiedClaims, user -> teamsOf.get(user, now, () -> memberships.teamsOf(user)));
    }

    Optional<Principal> authenticate(String authorizationHeader, Instant now) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String credential = authorizationHeader.substring(7).strip();
        String hash = ManageApiKeys.sha256Hex(credential);
        return credentials.get(hash, now, () -> bootstrapKey.isKeyWithSha256(hash)
                ? Optional.of(BOOTSTRAP).filter(admin -> !keys.bootstrapDisabled())
                : keys.authenticate(credential, now));
    }
}
