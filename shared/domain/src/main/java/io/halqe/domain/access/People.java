package io.halqe.domain.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A signed-in person as the admin API sees them, from the claims of a token the API's JWT authorizer has verified:
 * the user name ({@code cognito:username}, else {@code username}), the roles of their groups ({@code cognito:groups},
 * which API Gateway passes as {@code [admin agent]}), and, for one who is no more than an agent, the teams listing
 * them as a member — an agent of no team sees no team's cases.
 */
public final class People {

    /** A team no case belongs to: what an agent of no team is limited to. */
    static final String NO_TEAM = "-";

    private People() {
    }

    public static java.util.Optional<Principal> principal(java.util.Map<String, String> claims, Memberships memberships) {
        String user = claims.getOrDefault("cognito:username", claims.get("username"));
        if (user == null || user.isBlank()) {
            return java.util.Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups(claims.get("cognito:groups"))) {
            for (Role role : Role.values()) {
                if (role.name().toLowerCase(Locale.ROOT).equals(group)) {
                    roles.add(role);
                }
            }
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        roles.forEach(role -> scopes.addAll(role.scopes()));
        Set<String> teams = Set.of();
        if (roles.contains(Role.AGENT) && !roles.contains(Role.ADMIN) && !roles.contains(Role.MANAGER)) {
            teams = memberships.teamsOf(user);
            if (teams.isEmpty()) {
                teams = Set.of(NO_TEAM);
            }
        }
        return java.util.Optional.of(new Principal("user:" + user, scopes, teams));
    }

    /** {@code [admin agent]}, {@code admin,agent} or {@code ["admin","agent"]}: the group names, lower-cased. */
    static List<String> groups(String claim) {
        List<String> groups = new ArrayList<>();
        if (claim == null) {
            return groups;
        }
        for (String part : claim.replaceAll("[\\[\\]\"]", " ").split("[\\s,]+")) {
            if (!part.isBlank()) {
                groups.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return groups;
    }
}
