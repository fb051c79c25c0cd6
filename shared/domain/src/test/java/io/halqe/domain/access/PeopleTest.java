package io.halqe.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeopleTest {

    private static final Memberships LOGISTICS_FOR_SARA = user -> user.equals("sara") ? Set.of("logistics") : Set.of();

    @Test
    void principal_shouldReadGroupsHoweverTheyArePassed_andLimitOnlyAnAgentToTheirTeams() {
        // GIVEN claims as API Gateway passes them ([a b]), as a list (a,b) and as JSON
        var agent = People.principal(Map.of("username", "sara", "cognito:groups", "[agent]"), LOGISTICS_FOR_SARA);
        var both = People.principal(Map.of("cognito:username", "sara", "cognito:groups", "agent,manager"),
                LOGISTICS_FOR_SARA);
        var viewer = People.principal(Map.of("username", "vida", "cognito:groups", "[\"viewer\"]"), LOGISTICS_FOR_SARA);
        var lonely = People.principal(Map.of("username", "omid", "cognito:groups", "[agent]"), LOGISTICS_FOR_SARA);
        var nobody = People.principal(Map.of("cognito:groups", "[admin]"), LOGISTICS_FOR_SARA);
        var unknown = People.principal(Map.of("username", "x", "cognito:groups", "[root]"), LOGISTICS_FOR_SARA);
        // THEN an agent sees her teams; an agent who is also a manager sees every team; an agent of no team none
        assertThat(agent).hasValueSatisfying(p -> {
            assertThat(p.actor()).isEqualTo("user:sara");
            assertThat(p.teams()).containsExactly("logistics");
            assertThat(p.may(Scope.CASES_WRITE)).isTrue();
            assertThat(p.may(Scope.METRICS_READ)).isFalse();
        });
        assertThat(both).hasValueSatisfying(p -> assertThat(p.teams()).isEmpty());
        assertThat(viewer).hasValueSatisfying(p -> assertThat(p.scopes()).containsExactlyInAnyOrderElementsOf(
                Role.VIEWER.scopes()));
        assertThat(lonely).hasValueSatisfying(p -> assertThat(p.sees("logistics")).isFalse());
        // AND claims without a user are nobody; a group that is no role gives no scope
        assertThat(nobody).isEmpty();
        assertThat(unknown).hasValueSatisfying(p -> assertThat(p.scopes()).isEmpty());
    }
}
