package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static AlertRule rule(String id, String severity, AlertRule.Actions actions) {
        return new AlertRule(id, "A rule", null, "{\"npsCategory\":[\"detractor\"]}", null, severity, actions);
    }

    @Test
    void problem_shouldAcceptTheDefaults() {
        assertThat(AlertRules.problem(AlertRules.defaults(Duration.ofHours(48)), pattern -> true)).isEmpty();
    }

    @Test
    void defaults_shouldRouteEachKindOfFeedbackToItsOwners() {
        var rules = AlertRules.defaults(Duration.ofHours(24));
        assertThat(rules).extracting(AlertRule::id).containsExactly("detractor", "promoter-praise", "feature-request", "bug");
        assertThat(rules.get(0).actions().openCase().dueIn()).isEqualTo("PT24H");
        assertThat(rules).extracting(AlertRule::team).containsExactly(null, "marketing", "product", "engineering");
    }

    @Test
    void problem_shouldNameTheField_whenARuleIsInvalid() {
        var email = new AlertRule.Actions(null, "immediate", List.of("team"), false);
        assertThat(AlertRules.problem(List.of(rule("a", "urgent", email)), p -> true))
                .contains("rules[0].severity must be one of [low, medium, high]");
        assertThat(AlertRules.problem(List.of(rule("a", "low", email), rule("a", "low", email)), p -> true))
                .contains("rules[1].id must be a unique name of letters, digits, _ or -");
        assertThat(AlertRules.problem(List.of(rule("a", "low", email)), p -> false))
                .contains("rules[0].pattern is not a valid EventBridge pattern");
        assertThat(AlertRules.problem(List.of(rule("a", "low", new AlertRule.Actions(null, "hourly", null, false))), p -> true))
                .contains("rules[0].actions.email must be none, immediate, daily or weekly");
        assertThat(AlertRules.problem(List.of(rule("a", "low",
                new AlertRule.Actions(null, "immediate", List.of("x@y.z\r\nBcc: a@b.c"), false))), p -> true))
                .contains("rules[0].actions.emailTo entries are owner, team or an email address");
        assertThat(AlertRules.problem(List.of(rule("a", "low",
                new AlertRule.Actions(new AlertRule.OpenCase("48h"), "none", null, false))), p -> true))
                .contains("rules[0].actions.openCase.dueIn must be a positive ISO-8601 duration such as PT48H");
        assertThat(AlertRules.problem(List.of(rule("a", "low", new AlertRule.Actions(null, "none", null, false))), p -> true))
                .contains("rules[0].actions must open a case, email or publish to SNS");
    }
}
