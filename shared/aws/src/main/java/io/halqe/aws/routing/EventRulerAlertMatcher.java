package io.halqe.aws.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.alerts.AlertRule;
import io.halqe.domain.alerts.AlertRuleMatcher;
import io.halqe.domain.events.ResponseEnriched;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Alert rules matched by Event Ruler against the ResponseEnriched detail exactly as it travels on the bus; a rule for
 * one survey gets {@code "surveyId":[id]} added to its pattern.
 */
public final class EventRulerAlertMatcher implements AlertRuleMatcher {

    private final Supplier<List<AlertRule>> rules;
    private final CompiledPatterns patterns = new CompiledPatterns("alert rule");

    public EventRulerAlertMatcher(Supplier<List<AlertRule>> rules) {
        this.rules = rules;
    }

    @Override
    public List<AlertRule> matching(ResponseEnriched response) {
        return patterns.matching(rules.get(), AlertRule::id, EventRulerAlertMatcher::scoped, Json.write(response));
    }

    private static String scoped(AlertRule rule) {
        if (rule.surveyId() == null) {
            return rule.pattern();
        }
        try {
            ObjectNode pattern = (ObjectNode) Json.MAPPER.readTree(rule.pattern());
            pattern.putArray("surveyId").add(rule.surveyId());
            return Json.MAPPER.writeValueAsString(pattern);
        } catch (IOException | ClassCastException unreadable) {
            throw new IllegalStateException("alert rule " + rule.id() + " has an invalid pattern", unreadable);
        }
    }
}
