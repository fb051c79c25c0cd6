package io.halqe.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.core.ManageTeams;
import io.halqe.domain.core.Team;
import io.halqe.domain.fakes.InMemoryTeams;
import io.halqe.domain.fakes.InMemoryUsers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManageUsersTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private InMemoryUsers pool;
    private InMemoryTeams teams;
    private ManageUsers users;

    @BeforeEach
    void setUp() {
        pool = new InMemoryUsers(AT);
        teams = new InMemoryTeams();
        teams.save(new Team("support", "Support", "support@example.com", List.of("omid"), null));
        teams.save(new Team("logistics", "Logistics", null));
        users = new ManageUsers(pool, new ManageTeams(teams), teams);
    }

    @Test
    void create_shouldMakeTheAccountWithItsRole_andListThemInTheirTeams_whenAllIsValid() {
        // WHEN an admin makes Sara an agent of support and logistics
        var outcome = users.create("Sara", "sara@example.com", "agent", List.of("support", "logistics"));
        // THEN she is saved under her lower-cased name, with her role, invited, a member of both teams
        assertThat(outcome).isInstanceOfSatisfying(ManageUsers.Outcome.Saved.class, saved -> {
            assertThat(saved.user().username()).isEqualTo("sara");
            assertThat(saved.user().role()).isEqualTo(Role.AGENT);
            assertThat(saved.user().teams()).containsExactly("logistics", "support");
            assertThat(saved.user().status()).isEqualTo("FORCE_CHANGE_PASSWORD");
        });
        assertThat(teams.team("support").orElseThrow().members()).containsExactly("omid", "sara");
        assertThat(teams.team("support").orElseThrow().ownerEmail()).isEqualTo("support@example.com");
        assertThat(users.find("SARA")).hasValueSatisfying(user -> assertThat(user.email()).isEqualTo("sara@example.com"));
    }

    @Test
    void create_shouldNameTheFieldAndWriteNothing_whenAnyInputIsInvalid() {
        // WHEN a user is made with a bad name, address, role, team id or an unknown team
        var badName = users.create("sara smith", "sara@example.com", "agent", List.of());
        var badEmail = users.create("sara", "not-an-address", "agent", List.of());
        var badRole = users.create("sara", "sara@example.com", "root", List.of());
        var badTeam = users.create("sara", "sara@example.com", "agent", List.of("support", "no such"));
        var unknownTeam = users.create("sara", "sara@example.com", "agent", List.of("support", "billing"));
        var twice = users.create("sara", "sara@example.com", "agent", List.of("support", "support"));
        // THEN each names its field, and no account or membership was made
        assertThat(List.of(badName, badEmail, badRole, badTeam, unknownTeam, twice)).extracting(
                outcome -> ((ManageUsers.Outcome.Invalid) outcome).problem().field())
                .containsExactly("username", "email", "role", "teams", "teams", "teams");
        assertThat(pool.find("sara")).isEmpty();
        assertThat(teams.teamsOf("sara")).isEmpty();
    }

    @Test
    void create_shouldAnswerTaken_whenTheNameExistsInAnyCase() {
        // GIVEN sara
        users.create("sara", "sara@example.com", "agent", List.of());
        // WHEN SARA is made again, into a team
        var again = users.create("SARA", "other@example.com", "admin", List.of("logistics"));
        // THEN the name is taken, the first account unchanged and no team joined
        assertThat(again).isEqualTo(new ManageUsers.Outcome.Taken("sara"));
        assertThat(pool.find("sara").orElseThrow().role()).isEqualTo(Role.AGENT);
        assertThat(teams.teamsOf("sara")).isEmpty();
    }

    @Test
    void create_shouldLeaveNeitherAccountNorMemberships_whenThePoolFailsAfterMakingTheAccount() {
        // GIVEN a pool that fails to put the new account in its group
        pool.failAssign = true;
        // WHEN sara is made an agent of support THEN the failure is told, and undone
        assertThatThrownBy(() -> users.create("sara", "sara@example.com", "agent", List.of("support")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(pool.find("sara")).isEmpty();
        assertThat(teams.team("support").orElseThrow().members()).containsExactly("omid");
    }

    @Test
    void update_shouldChangeRoleAndTeams_leavingOldTeamsAndJoiningNewOnes_whenTheUserExists() {
        // GIVEN sara, an agent of support
        users.create("sara", "sara@example.com", "agent", List.of("support"));
        // WHEN she becomes a manager of logistics alone, then only her teams change
        var promoted = users.update("sara", "manager", List.of("logistics"));
        var moved = users.update("sara", null, List.of());
        // THEN each change holds; support keeps its other member
        assertThat(promoted).isInstanceOfSatisfying(ManageUsers.Outcome.Saved.class, saved -> {
            assertThat(saved.user().role()).isEqualTo(Role.MANAGER);
            assertThat(saved.user().teams()).containsExactly("logistics");
        });
        assertThat(moved).isInstanceOfSatisfying(ManageUsers.Outcome.Saved.class, saved -> {
            assertThat(saved.user().role()).isEqualTo(Role.MANAGER);
            assertThat(saved.user().teams()).isEmpty();
        });
        assertThat(teams.team("support").orElseThrow().members()).containsExactly("omid");
        // AND nobody, or nothing to change, is told apart from an invalid role
        assertThat(users.update("nobody", "agent", null)).isEqualTo(new ManageUsers.Outcome.NotFound("nobody"));
        assertThat(users.update("sara", null, null)).isInstanceOf(ManageUsers.Outcome.Invalid.class);
        assertThat(users.update("sara", "root", null)).isInstanceOf(ManageUsers.Outcome.Invalid.class);
        // AND someone made outside the API with a name no team can list keeps their teams, with a reason
        pool.create("arash@example.com", "arash@example.com");
        assertThat(users.update("arash@example.com", null, List.of("support"))).isInstanceOfSatisfying(
                ManageUsers.Outcome.Invalid.class, invalid -> assertThat(invalid.problem().field()).isEqualTo("teams"));
        assertThat(users.update("arash@example.com", "viewer", List.of())).isInstanceOf(ManageUsers.Outcome.Saved.class);
    }

    @Test
    void delete_shouldTakeTheMembershipsAwayFirst_whenThePoolThenFails() {
        // GIVEN sara, an agent of support, and a pool that fails to delete
        users.create("sara", "sara@example.com", "agent", List.of("support"));
        pool.failDelete = true;
        // WHEN she is deleted THEN the failure is told, and she has lost her team already (less access, never more)
        assertThatThrownBy(() -> users.delete("sara")).isInstanceOf(IllegalStateException.class);
        assertThat(teams.teamsOf("sara")).isEmpty();
        // WHEN the pool is back THEN she is deleted, as she was; a second delete finds nobody
        pool.failDelete = false;
        assertThat(users.delete("sara")).hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(Role.AGENT));
        assertThat(pool.find("sara")).isEmpty();
        assertThat(users.delete("sara")).isEmpty();
    }

    @Test
    void list_shouldPageThroughThePool_withEachPersonsTeams() {
        // GIVEN three people
        users.create("ali", "ali@example.com", "viewer", List.of());
        users.create("sara", "sara@example.com", "agent", List.of("support"));
        users.create("vida", "vida@example.com", "admin", List.of());
        // WHEN they are listed two at a time
        var first = users.list(2, null);
        var second = users.list(2, first.next());
        // THEN every one comes once, with their teams
        assertThat(first.items()).extracting(User::username).containsExactly("ali", "sara");
        assertThat(first.items().get(1).teams()).containsExactly("support");
        assertThat(second.items()).extracting(User::username).containsExactly("vida");
        assertThat(second.next()).isNull();
    }
}
