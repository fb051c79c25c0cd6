package io.halqe.domain.fakes;

import io.halqe.domain.access.Memberships;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Teams in memory; a person's memberships are read from the teams' member lists, as the directory keeps them. */
public final class InMemoryTeams implements TeamDirectory, Memberships {

    private final Map<String, Team> teams = new TreeMap<>();

    @Override
    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public void save(Team team) {
        teams.put(team.id(), team);
    }

    @Override
    public Set<String> teamsOf(String user) {
        return teams.values().stream().filter(team -> team.members().contains(user)).map(Team::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
