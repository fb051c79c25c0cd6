package io.halqe.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingRuleTest {

    @Test
    void owns_shouldBeFalse_whenTheRuleRoutesByScoreOrFeeling() {
        // GIVEN rules that pick answers by how the customer scored or felt
        // WHEN asked whether they own what they match THEN they do not: they route for attention
        assertThat(new RoutingRule("d", "{\"npsCategory\":[\"detractor\"]}", "support", false).owns()).isFalse();
        assertThat(new RoutingRule("s", "{\"npsScore\":[{\"numeric\":[\"<\",3]}]}", "support", false).owns()).isFalse();
        assertThat(new RoutingRule("n", "{\"sentiment\":[\"negative\"],\"themes\":[\"support\"]}", "support", false).owns())
                .isFalse();
        assertThat(new RoutingRule("c", "{\"answers\":{\"csat\":[1,2]}}", "support", false).owns()).isFalse();
        assertThat(new RoutingRule("p", "{\"npsCategory\":[\"promoter\"],\"feedbackType\":[\"praise\"]}", "marketing", false)
                .owns()).isFalse();
    }

    @Test
    void owns_shouldBeTrue_whenTheRuleRoutesByWhatTheAnswerIsAbout() {
        // GIVEN rules on themes, feedback type, touchpoint and customer segment WHEN asked THEN they own what they match
        assertThat(new RoutingRule("t", "{\"themes\":[\"delivery\"]}", "logistics", false).owns()).isTrue();
        assertThat(new RoutingRule("b", "{\"feedbackType\":[\"bug\"]}", "engineering", false).owns()).isTrue();
        assertThat(new RoutingRule("tp", "{\"touchpoint\":[\"checkout\"]}", "web", false).owns()).isTrue();
        assertThat(new RoutingRule("k", "{\"customer\":{\"segment\":[\"enterprise\"]}}", "accounts", false).owns()).isTrue();
        // AND a rule with no team (account owners only) owns nothing
        assertThat(new RoutingRule("o", "{\"customer\":{\"segment\":[\"enterprise\"]}}", null, true).owns()).isFalse();
    }
}
