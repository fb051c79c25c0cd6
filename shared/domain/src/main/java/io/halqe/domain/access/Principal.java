package io.halqe.domain.access;

import java.util.Set;

/**
 * Who is calling: an {@code actor} recorded in the audit log ({@code key:<id>}, {@code user:<name>},
 * {@code bootstrap}), what they may do, and the teams whose cases and answers they may see (empty: every team).
 */
public record Principal(String actor, Set<Scope> scopes, Set<String> teams) {

    public Principal {
        scopes = Set.copyOf(scopes);
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }

    /** Whether a case or answer of {@code team} is theirs to see. */
    public boolean sees(String team) {
        return teams.isEmpty() || teams.contains(team);
    }
}
