package io.halqe.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Gateway's route selection. */
class HttpRoutesTest {

    private final HttpRoutes<String> routes = new HttpRoutes<String>()
            .add("GET", "/s/{surveyId}", "page")
            .add("POST", "/s/{surveyId}/responses", "submit")
            .add("GET", "/embed.js", "embed")
            .add("ANY", "/api/{proxy+}", "api")
            .add("GET", "/api/health", "health");

    @Test
    void match_shouldBindPathParameters_whenAParameterRouteMatches() {
        // GIVEN the survey routes
        // WHEN a survey page and a submission are requested
        // THEN each matches its route with the survey id
        assertThat(routes.match("GET", "/s/demo-nps")).hasValueSatisfying(match -> {
            assertThat(match.route().target()).isEqualTo("page");
            assertThat(match.route().routeKey()).isEqualTo("GET /s/{surveyId}");
            assertThat(match.pathParameters()).isEqualTo(Map.of("surveyId", "demo-nps"));
        });
        assertThat(routes.match("POST", "/s/demo%2Dnps/responses")).hasValueSatisfying(match ->
                assertThat(match.pathParameters()).isEqualTo(Map.of("surveyId", "demo-nps")));
    }

    @Test
    void match_shouldFindNothing_whenTheMethodOrPathDoesNotFit() {
        // GIVEN the routes
        // WHEN requests fit no route
        // THEN there is no match
        assertThat(routes.match("POST", "/s/demo-nps")).isEmpty();
        assertThat(routes.match("GET", "/s/demo-nps/extra/deep")).isEmpty();
        assertThat(routes.match("GET", "/s/")).isEmpty();
        assertThat(routes.match("GET", "/api")).isEmpty();
        assertThat(routes.match("GET", "/")).isEmpty();
    }

    @Test
    void match_shouldTakeTheGreedyRest_whenAProxyRouteMatchesAnyMethod() {
        // GIVEN ANY /api/{proxy+}
        // WHEN a deep path is requested with any method
        // THEN proxy holds the rest of the path
        assertThat(routes.match("PATCH", "/api/cases/c-1/notes")).hasValueSatisfying(match -> {
            assertThat(match.route().target()).isEqualTo("api");
            assertThat(match.pathParameters()).isEqualTo(Map.of("proxy", "cases/c-1/notes"));
        });
    }

    @Test
    void match_shouldPreferTheMostSpecificRoute_whenSeveralMatch() {
        // GIVEN GET /api/health next to ANY /api/{proxy+}
        // WHEN GET /api/health and POST /api/health are requested
        // THEN the literal route wins for GET, the greedy one takes POST
        assertThat(routes.match("GET", "/api/health")).hasValueSatisfying(match ->
                assertThat(match.route().target()).isEqualTo("health"));
        assertThat(routes.match("POST", "/api/health")).hasValueSatisfying(match ->
                assertThat(match.route().target()).isEqualTo("api"));
    }
}
