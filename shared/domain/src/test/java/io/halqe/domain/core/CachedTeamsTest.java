package io.halqe.domain.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryTeams;
import io.halqe.domain.fakes.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTeamsTest {

    private final InMemoryTeams stored = new InMemoryTeams();
    private final AtomicInteger reads = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final CachedTeams cached = new CachedTeams(new TeamDirectory() {
        @Override
        public Optional<Team> team(String teamId) {
            reads.incrementAndGet();
            return stored.team(teamId);
        }

        @Override
        public void save(Team team) {
            stored.save(team);
        }
    }, clock);

    @Test
    void team_shouldReadTheDirectoryOnce_whenAskedAgainWithinFreshness() {
        // GIVEN a stored team
        stored.save(new Team("support", "Support", "support@example.com"));
        // WHEN it is asked for three times within the freshness
        cached.team("support");
        clock.advance(CachedTeams.FRESHNESS.minusSeconds(1));
        cached.team("support");
        Optional<Team> third = cached.team("support");
        // THEN the directory was read once, and the team is the stored one
        assertThat(reads).hasValue(1);
        assertThat(third).map(Team::ownerEmail).contains("support@example.com");
    }

    @Test
    void team_shouldSeeAnEditMadeElsewhere_whenFreshnessHasPassed() {
        // GIVEN a team read once, then given a new address by another function (the admin api)
        stored.save(new Team("support", "Support", "old@example.com"));
        cached.team("support");
        stored.save(new Team("support", "Support", "new@example.com"));
        // WHEN it is asked for once the freshness has passed
        clock.advance(CachedTeams.FRESHNESS);
        Optional<Team> read = cached.team("support");
        // THEN the edit is seen
        assertThat(read).map(Team::ownerEmail).contains("new@example.com");
        assertThat(reads).hasValue(2);
    }

    @Test
    void team_shouldFindATeamAtOnce_whenItWasUnknownAMomentBefore() {
        // GIVEN a team asked for before it existed
        assertThat(cached.team("billing")).isEmpty();
        // WHEN it is created, and asked for again a second later
        stored.save(new Team("billing", "Billing", "billing@example.com"));
        clock.advance(Duration.ofSeconds(1));
        // THEN it is found: what was not found is never kept
        assertThat(cached.team("billing")).map(Team::name).contains("Billing");
    }

    @Test
    void team_shouldReadAgain_whenMoreTeamsWereKeptThanTheBound() {
        // GIVEN as many teams read as the bound allows, the first among them
        for (int i = 0; i < KeptForAWhile.MAX_ENTRIES; i++) {
            stored.save(new Team("team-" + i, "Team " + i, null));
            cached.team("team-" + i);
        }
        stored.save(new Team("one-more", "One more", null));
        // WHEN one more is read, then the first again, within the freshness
        cached.team("one-more");
        cached.team("team-0");
        // THEN the cache started over rather than grow: the first was read from the directory again
        assertThat(reads).hasValue(KeptForAWhile.MAX_ENTRIES + 2);
    }
}
