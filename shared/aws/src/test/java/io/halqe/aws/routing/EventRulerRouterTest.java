package io.halqe.aws.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.routing.Routes;
import io.halqe.domain.routing.RoutingRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRulerRouterTest {

    private final EventRulerRouter router = new EventRulerRouter(RoutingRules::defaults);

    @Test
    void route_shouldTellOwningTeamsFromTeamsRoutedForTheScore_withTheDefaultRules() {
        // GIVEN a detractor's complaint about delivery, and a passive's about delivery at checkout
        Map<String, Object> detractor = Map.of("surveyId", "s", "npsScore", 2, "npsCategory", "detractor",
                "sentiment", "negative", "themes", List.of("delivery"), "feedbackType", "complaint");
        Map<String, Object> passive = Map.of("surveyId", "s", "npsScore", 7, "npsCategory", "passive",
                "sentiment", "neutral", "themes", List.of("delivery"), "touchpoint", "checkout");
        // WHEN each is routed
        Routes detractorRoutes = router.route(detractor, null);
        Routes passiveRoutes = router.route(passive, null);
        // THEN support hears of the detractor but only logistics owns it; the passive is logistics' too
        assertThat(detractorRoutes.teams()).containsExactly("support", "logistics");
        assertThat(detractorRoutes.owningTeams()).containsExactly("logistics");
        assertThat(passiveRoutes.owningTeams()).containsExactly("logistics");
    }
}
