package io.halqe.domain.access;

import io.halqe.domain.core.ManageTeams;
import io.halqe.domain.core.Page;
import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Team;
import io.halqe.domain.text.EmailAddresses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * People, made and changed by an admin: an account in the user pool with one role, and a member of the teams whose
 * cases they work — kept where the teams keep their members, through {@link ManageTeams}. Everything is checked
 * before the first write; a creation cut short is undone (their memberships, then the account), and a deletion takes
 * the memberships away before the account, so a failure leaves someone with less access, never a stranger with a
 * team's.
 */
public final class ManageUsers {

    /** At most this many teams a person belongs to. */
    public static final int MAX_TEAMS = 50;

    public sealed interface Outcome {
        record Saved(User user) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }

        /** A create naming someone who exists. */
        record Taken(String username) implements Outcome {
        }

        record NotFound(String username) implements Outcome {
        }
    }

    private final UserDirectory users;
    private final ManageTeams teams;
    private final Memberships memberships;

    public ManageUsers(UserDirectory users, ManageTeams teams, Memberships memberships) {
        this.users = users;
        this.teams = teams;
        this.memberships = memberships;
    }

    /**
     * A new person, invited by the pool's email. The name is kept lower-case (the pool does not tell names apart by
     * case; the teams and tokens then name them alike).
     */
    public Outcome create(String username, String email, String role, List<String> teamIds) {
        if (username == null || !username.matches(ManageTeams.ID)) {
            return invalid("username", "must be 1 to 64 letters, digits, _ . or -, starting with a letter or digit");
        }
        if (email == null || !EmailAddresses.isAddress(email)) {
            return invalid("email", "must be an email address");
        }
        Optional<Role> parsed = role(role);
        if (parsed.isEmpty()) {
            return invalid("role", "must be one of " + roleNames());
        }
        String name = username.toLowerCase(Locale.ROOT);
        Optional<Problem> problem = checkTeams(name, teamIds == null ? List.of() : teamIds);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        if (!users.create(name, email.strip())) {
            return new Outcome.Taken(name);
        }
        Set<String> joined = new TreeSet<>();
        try {
            users.assign(name, parsed.get());
            for (String teamId : new TreeSet<>(teamIds == null ? List.of() : teamIds)) {
                join(name, teamId);
                joined.add(teamId);
            }
        } catch (RuntimeException failed) {
            joined.forEach(teamId -> leave(name, teamId));
            users.delete(name);
            throw failed;
        }
        return saved(name);
    }

    public Optional<User> find(String username) {
        String name = normal(username);
        return users.find(name).map(account -> User.of(account, memberships.teamsOf(name)));
    }

    public Page<User> list(int limit, String cursor) {
        Page<UserDirectory.Account> page = users.list(limit, cursor);
        return new Page<>(page.items().stream().map(account -> User.of(account,
                memberships.teamsOf(account.username()))).toList(), page.next());
    }

    /** A new role, new teams, or both ({@code null}: unchanged); teams left before teams joined. */
    public Outcome update(String username, String role, List<String> teamIds) {
        String name = normal(username);
        if (role == null && teamIds == null) {
            return invalid("role", "or teams must be given");
        }
        Optional<Role> parsed = role == null ? Optional.empty() : role(role);
        if (role != null && parsed.isEmpty()) {
            return invalid("role", "must be one of " + roleNames());
        }
        if (teamIds != null) {
            Optional<Problem> problem = checkTeams(name, teamIds);
            if (problem.isPresent()) {
                return new Outcome.Invalid(problem.get());
            }
        }
        if (users.find(name).isEmpty()) {
            return new Outcome.NotFound(name);
        }
        if (parsed.isPresent() && !users.assign(name, parsed.get())) {
            return new Outcome.NotFound(name);
        }
        if (teamIds != null) {
            Set<String> before = memberships.teamsOf(name);
            Set<String> after = new TreeSet<>(teamIds);
            before.stream().filter(teamId -> !after.contains(teamId)).forEach(teamId -> leave(name, teamId));
            after.stream().filter(teamId -> !before.contains(teamId)).forEach(teamId -> join(name, teamId));
        }
        return saved(name);
    }

    /** The person as they were, gone from their teams and the pool; empty if there was none. */
    public Optional<User> delete(String username) {
        Optional<User> user = find(username);
        if (user.isEmpty()) {
            return user;
        }
        String name = user.get().username();
        memberships.teamsOf(name).forEach(teamId -> leave(name, teamId));
        return users.delete(name) ? user : Optional.empty();
    }

    private Optional<Problem> checkTeams(String name, List<String> teamIds) {
        if (teamIds.size() > MAX_TEAMS || new LinkedHashSet<>(teamIds).size() != teamIds.size()) {
            return Optional.of(new Problem("teams", "must be at most " + MAX_TEAMS + " distinct team ids"));
        }
        if (!teamIds.isEmpty() && !name.matches(ManageTeams.ID)) {
            // made outside the API (an address as the name, say): a team lists members by names of its own form
            return Optional.of(new Problem("teams", "cannot list " + name + ": team members are named with letters,"
                    + " digits, _ . or -"));
        }
        for (String teamId : teamIds) {
            if (teamId == null || !teamId.matches(ManageTeams.ID)) {
                return Optional.of(new Problem("teams", "must be team ids (letters, digits, _ . -)"));
            }
            Optional<Team> team = teams.get(teamId);
            if (team.isEmpty()) {
                return Optional.of(new Problem("teams", "names no team " + teamId + "; PUT /api/teams/" + teamId
                        + " makes it"));
            }
            if (!team.get().members().contains(name) && team.get().members().size() >= ManageTeams.MAX_MEMBERS) {
                return Optional.of(new Problem("teams", teamId + " has " + ManageTeams.MAX_MEMBERS
                        + " members already"));
            }
        }
        return Optional.empty();
    }

    private void join(String name, String teamId) {
        Team team = teams.get(teamId).orElseThrow(() -> new IllegalStateException("team " + teamId + " is gone"));
        if (!team.members().contains(name)) {
            List<String> members = new ArrayList<>(team.members());
            members.add(name);
            saveTeam(team, members);
        }
    }

    private void leave(String name, String teamId) {
        teams.get(teamId).filter(team -> team.members().contains(name)).ifPresent(team -> saveTeam(team,
                team.members().stream().filter(member -> !member.equals(name)).toList()));
    }

    private void saveTeam(Team team, List<String> members) {
        if (teams.put(team.id(), new Team(null, team.name(), team.ownerEmail(), members, team.snsFilter()))
                instanceof ManageTeams.Outcome.Invalid invalid) {
            throw new IllegalStateException("team " + team.id() + " refused its members: " + invalid.problem().describe());
        }
    }

    private Outcome saved(String name) {
        return find(name).<Outcome>map(Outcome.Saved::new).orElseGet(() -> new Outcome.NotFound(name));
    }

    private static Optional<Role> role(String name) {
        return Role.of(name);
    }

    private static String roleNames() {
        return String.join(", ", Arrays.stream(Role.values()).map(Role::wireName).toList());
    }

    private static String normal(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static Outcome invalid(String field, String message) {
        return new Outcome.Invalid(new Problem(field, message));
    }
}
