package io.halqe.domain.access;

import io.halqe.domain.core.ManageTeams;
import io.halqe.domain.core.Page;
import io.halqe.domain.core.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keys for machines: made by an admin with scopes and an expiry, shown once as {@code hq_<id>_<secret>}, kept only
 * as the secret's SHA-256, listed without it, revocable. The id in the key finds its record; the hash is compared in
 * constant time.
 */
public final class ManageApiKeys {

    public static final String PREFIX = "hq_";
    /** The id the deploy-time bootstrap key is disabled under. */
    public static final String BOOTSTRAP = "bootstrap";
    static final Duration LONGEST = Duration.ofDays(731);

    public sealed interface Outcome {
        /** {@code secret}: the whole key, shown this once. */
        record Created(ApiKey key, String secret) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    private final ApiKeyStore store;

    public ManageApiKeys(ApiKeyStore store) {
        this.store = store;
    }

    /** A key with no team limit. */
    public Outcome create(String name, List<String> scopeNames, Instant expiresAt, Principal maker, Instant now) {
        return create(name, scopeNames, List.of(), expiresAt, maker, now);
    }

    /**
     * A key may hold only scopes its maker holds, and see only teams its maker sees; it expires within two years (at
     * most, and by default). {@code teams}: the teams whose cases and answers it may see (empty: every team).
     */
    public Outcome create(String name, List<String> scopeNames, List<String> teams, Instant expiresAt, Principal maker,
                          Instant now) {
        if (name == null || name.isBlank() || name.length() > 100) {
            return invalid("name", "must be 1 to 100 characters");
        }
        if (scopeNames == null || scopeNames.isEmpty()) {
            return invalid("scopes", "must name at least one scope: " + wireNames(EnumSet.allOf(Scope.class)));
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String scopeName : scopeNames) {
            Optional<Scope> scope = Scope.of(scopeName);
            if (scope.isEmpty()) {
                return invalid("scopes", scopeName + " is no scope; scopes: " + wireNames(EnumSet.allOf(Scope.class)));
            }
            if (!maker.may(scope.get())) {
                return invalid("scopes", "a key cannot hold " + scopeName + ", which its maker does not hold");
            }
            scopes.add(scope.get());
        }
        Set<String> seen = new java.util.TreeSet<>(teams == null ? List.of() : teams);
        if (seen.stream().anyMatch(team -> team == null || !team.matches(ManageTeams.ID))) {
            return invalid("teams", "must be team ids (letters, digits, _ . -)");
        }
        if (!maker.teams().isEmpty() && (seen.isEmpty() || !maker.teams().containsAll(seen))) {
            return invalid("teams", "a key cannot see teams its maker does not see: " + maker.teams());
        }
        Instant expiry = expiresAt == null ? now.plus(LONGEST) : expiresAt;
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(LONGEST))) {
            return invalid("expiresAt", "must be in the future and at most two years away");
        }
        SecureRandom random = new SecureRandom();
        byte[] idBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKey key = new ApiKey(id, name.strip(), scopes, seen, maker.actor(), now, expiry, null, sha256Hex(secret));
        if (!store.create(key)) {
            throw new IllegalStateException("key id " + id + " was taken; a retry draws another");
        }
        return new Outcome.Created(key, secret);
    }

    /** The key's principal, if {@code presented} is a key that exists, is valid now and matches. */
    public Optional<Principal> authenticate(String presented, Instant now) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = presented.indexOf('_', PREFIX.length());
        if (end < 0) {
            return Optional.empty();
        }
        String id = presented.substring(PREFIX.length(), end);
        return store.find(id).filter(key -> key.validAt(now)).filter(key -> MessageDigest.isEqual(
                key.secretSha256().getBytes(StandardCharsets.US_ASCII),
                sha256Hex(presented).getBytes(StandardCharsets.US_ASCII))).map(ApiKey::principal);
    }

    public Page<ApiKey> list(int limit, String cursor) {
        return store.list(limit, cursor);
    }

    public Optional<ApiKey> find(String id) {
        return store.find(id);
    }

    /** Revokes the key (once: a second call keeps the first time); empty if there is no such key. */
    public Optional<ApiKey> revoke(String id, Instant now) {
        Optional<ApiKey> key = store.find(id);
        if (key.isEmpty() || key.get().revokedAt() != null) {
            return key;
        }
        ApiKey revoked = key.get().revoked(now);
        return store.revoke(revoked) ? Optional.of(revoked) : Optional.empty();
    }

    /** Disables the deploy-time key (kept as a revoked record under {@link #BOOTSTRAP}). */
    public void disableBootstrap(Principal by, Instant now) {
        if (store.find(BOOTSTRAP).isEmpty()) {
            store.create(new ApiKey(BOOTSTRAP, "deploy-time bootstrap key", Set.of(Scope.ADMIN), Set.of(), by.actor(), now,
                    null, now, ""));
        }
    }

    public boolean bootstrapDisabled() {
        return store.find(BOOTSTRAP).map(key -> key.revokedAt() != null).orElse(false);
    }

    public static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wireNames(Set<Scope> scopes) {
        return String.join(", ", scopes.stream().map(Scope::wireName).toList());
    }

    private static Outcome invalid(String field, String message) {
        return new Outcome.Invalid(new Problem(field, message));
    }
}
