package io.halqe.aws.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.alerts.AlertRule;
import io.halqe.domain.alerts.AlertRules;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.events.ResponseEnriched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRulerAlertMatcherTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final List<AlertRule> rules = new ArrayList<>(AlertRules.defaults(Duration.ofHours(48)));
    private final EventRulerAlertMatcher matcher = new EventRulerAlertMatcher(() -> List.copyOf(rules));

    private static ResponseEnriched response(String surveyId, int nps, String category, String type, String comment,
                                             String segment, String sentiment, List<String> themes) {
        CustomerProfile customer = new CustomerProfile("c1", "Sara", "sara@example.com", null, segment, "pro", 900.0,
                "EU", null, "en", null, Map.of(), AT);
        return new ResponseEnriched("1", "r1", surveyId, 1, AT, "en", nps, category, comment, 3, Map.of("nps", nps),
                Map.of(), "c1", false, sentiment, -0.5, themes, type, List.of(), customer, List.of("support"), List.of(), null);
    }

    private List<String> matched(ResponseEnriched response) {
        return matcher.matching(response).stream().map(AlertRule::id).toList();
    }

    private static AlertRule rule(String id, String surveyId, String pattern) {
        return new AlertRule(id, id, surveyId, pattern, null, "high",
                new AlertRule.Actions(null, "none", null, true));
    }

    @Test
    void defaults_shouldMatchEachKindOfFeedback_inRuleOrder() {
        assertThat(matched(response("s", 2, "detractor", "bug", "crash", "smb", "negative", List.of()))).containsExactly(
                "detractor", "bug");
        assertThat(matched(response("s", 10, "promoter", "praise", "love it", "smb", "positive", List.of())))
                .containsExactly("promoter-praise");
        assertThat(matched(response("s", 9, "promoter", "suggestion", "add dark mode", "smb", "neutral", List.of())))
                .containsExactly("feature-request");
        assertThat(matched(response("s", 8, "passive", "question", "how?", "smb", "neutral", List.of()))).isEmpty();
    }

    @Test
    void matching_shouldReadScoreThresholdsSegmentsThemesSentimentAndKeywords_asEventBridgeDoes() {
        rules.clear();
        rules.add(rule("low-score", null, "{\"npsScore\":[{\"numeric\":[\"<=\",4]}]}"));
        rules.add(rule("enterprise", null, "{\"customer\":{\"segment\":[\"enterprise\"]}}"));
        rules.add(rule("angry-billing", null, "{\"sentiment\":[\"negative\"],\"themes\":[\"billing\"]}"));
        rules.add(rule("cancel-keyword", null, "{\"comment\":[{\"wildcard\":\"*cancel*\"}]}"));
        assertThat(matched(response("s", 3, "detractor", "complaint", "I will cancel my plan", "enterprise", "negative",
                List.of("billing", "price")))).containsExactly("low-score", "enterprise", "angry-billing", "cancel-keyword");
        assertThat(matched(response("s", 5, "detractor", "complaint", "meh", "smb", "positive", List.of("billing"))))
                .isEmpty();
    }

    @Test
    void matching_shouldLimitASurveysRuleToThatSurvey_evenWhenItsPatternIsEmpty() {
        rules.clear();
        rules.add(rule("only-checkout", "checkout-csat", "{}"));
        rules.add(rule("everywhere", null, "{\"npsCategory\":[\"detractor\"]}"));
        assertThat(matched(response("checkout-csat", 1, "detractor", "complaint", "x", "smb", "negative", List.of())))
                .containsExactly("only-checkout", "everywhere");
        assertThat(matched(response("demo-nps", 1, "detractor", "complaint", "x", "smb", "negative", List.of())))
                .containsExactly("everywhere");
    }

    @Test
    void matching_shouldFollowEdits_whenTheRulesChange() {
        assertThat(matched(response("s", 2, "detractor", "complaint", "x", "smb", "negative", List.of())))
                .containsExactly("detractor");
        rules.clear();
        rules.add(rule("complaints", null, "{\"feedbackType\":[\"complaint\"]}"));
        assertThat(matched(response("s", 2, "detractor", "complaint", "x", "smb", "negative", List.of())))
                .containsExactly("complaints");
    }
}
