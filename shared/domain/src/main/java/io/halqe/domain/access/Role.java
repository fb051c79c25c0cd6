package io.halqe.domain.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What people are given, as groups: {@code admin} everything (users, keys, the audit log); {@code manager} all teams'
 * data, rules, surveys and announcements; {@code agent} their teams' cases and answers, and acting on cases;
 * {@code viewer} scores and reports.
 */
public enum Role {
    ADMIN(EnumSet.of(Scope.ADMIN)),
    MANAGER(EnumSet.complementOf(EnumSet.of(Scope.ADMIN))),
    AGENT(EnumSet.of(Scope.CASES_READ, Scope.CASES_WRITE, Scope.RESPONSES_READ, Scope.SURVEYS_READ)),
    VIEWER(EnumSet.of(Scope.METRICS_READ, Scope.SURVEYS_READ));

    private final Set<Scope> scopes;

    Role(Set<Scope> scopes) {
        this.scopes = Set.copyOf(scopes);
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    /** The group's name: {@code admin}, {@code manager}, {@code agent}, {@code viewer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String wireName) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(wireName)).findFirst();
    }
}
