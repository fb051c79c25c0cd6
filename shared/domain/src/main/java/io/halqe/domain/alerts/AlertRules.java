package io.halqe.domain.alerts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The alert rules in force: stored ones if an admin set them, else the defaults. */
public interface AlertRules {

    List<AlertRule> current();

    void replace(List<AlertRule> rules);

    /**
     * Detractors open a case for support or the account owner (due after {@code detractorSla}) with an email and an
     * SNS alert; promoters' praise goes to marketing (review and case-study candidates), feature requests to product
     * and bugs to engineering — as digests, so nobody gets one email per response.
     */
    static List<AlertRule> defaults(Duration detractorSla) {
        return List.of(
                new AlertRule("detractor", "Detractor", null, "{\"npsCategory\":[\"detractor\"]}", null, "high",
                        new AlertRule.Actions(new AlertRule.OpenCase(detractorSla.toString()), "immediate",
                                List.of("owner"), true)),
                new AlertRule("promoter-praise", "Promoter praise: review or case-study candidate", null,
                        "{\"npsCategory\":[\"promoter\"],\"feedbackType\":[\"praise\"]}", "marketing", "low",
                        new AlertRule.Actions(null, "weekly", List.of("team"), true)),
                new AlertRule("feature-request", "Feature request", null, "{\"feedbackType\":[\"suggestion\"]}",
                        "product", "low", new AlertRule.Actions(null, "weekly", List.of("team"), true)),
                new AlertRule("bug", "Bug report", null, "{\"feedbackType\":[\"bug\"]}", "engineering", "medium",
                        new AlertRule.Actions(null, "daily", List.of("team"), true)));
    }

    /** Checks ids, severities, actions and pattern syntax (by the matcher that will run them). */
    static Optional<String> problem(List<AlertRule> rules, Predicate<String> validPattern) {
        if (rules.size() > 100) {
            return Optional.of("rules: at most 100");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Optional<String> problem = problem(rules.get(i), ids, validPattern).map(("rules[" + i + "]")::concat);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(AlertRule rule, Set<String> ids, Predicate<String> validPattern) {
        if (rule == null || rule.id() == null || !rule.id().matches("[A-Za-z0-9_-]{1,64}") || !ids.add(rule.id())) {
            return Optional.of(".id must be a unique name of letters, digits, _ or -");
        }
        if (rule.pattern() == null || !validPattern.test(rule.pattern())) {
            return Optional.of(".pattern is not a valid EventBridge pattern");
        }
        if (!AlertRule.SEVERITIES.contains(rule.severity())) {
            return Optional.of(".severity must be one of " + AlertRule.SEVERITIES);
        }
        if (rule.surveyId() != null && !rule.surveyId().matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.of(".surveyId is not a survey id");
        }
        if (rule.team() != null && !rule.team().matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.of(".team is not a team id");
        }
        AlertRule.Actions actions = rule.actions();
        if (actions == null) {
            return Optional.of(".actions is required");
        }
        if (!List.of("none", "immediate", "daily", "weekly").contains(actions.email())) {
            return Optional.of(".actions.email must be none, immediate, daily or weekly");
        }
        for (String to : actions.emailTo()) {
            if (!to.equals("owner") && !to.equals("team") && !to.matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+")) {
                return Optional.of(".actions.emailTo entries are owner, team or an email address");
            }
        }
        if (actions.openCase() != null && !isPositiveDuration(actions.openCase().dueIn())) {
            return Optional.of(".actions.openCase.dueIn must be a positive ISO-8601 duration such as PT48H");
        }
        if (actions.openCase() == null && actions.email().equals("none") && !actions.sns()) {
            return Optional.of(".actions must open a case, email or publish to SNS");
        }
        return Optional.empty();
    }

    private static boolean isPositiveDuration(String value) {
        try {
            return value != null && !Duration.parse(value).isNegative() && !Duration.parse(value).isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
