package io.halqe.domain.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Teams kept for {@link #FRESHNESS} after they are read, as alert rules are: the alerts function reads an answer's
 * team for every alert it sends, and a team's address, language or Slack webhook changes rarely. An edit reaches the
 * alerts within that time; a team just created is found at once ({@link KeptForAWhile}).
 */
public final class CachedTeams implements TeamDirectory {

    public static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final TeamDirectory store;
    private final KeptForAWhile<String, Team> kept;

    public CachedTeams(TeamDirectory store, Clock clock) {
        this.store = store;
        this.kept = new KeptForAWhile<>(FRESHNESS, clock);
    }

    @Override
    public Optional<Team> team(String teamId) {
        return kept.get(teamId, store::team);
    }

    @Override
    public void save(Team team) {
        store.save(team);
        kept.forget(team.id());
    }
}
