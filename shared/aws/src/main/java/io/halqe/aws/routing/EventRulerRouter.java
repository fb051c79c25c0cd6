package io.halqe.aws.routing;

import io.halqe.aws.json.Json;
import io.halqe.domain.routing.Router;
import io.halqe.domain.routing.Routes;
import io.halqe.domain.routing.RoutingRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.event.ruler.Machine;

/**
 * Routing with AWS's own EventBridge matcher (Event Ruler), so a rule's pattern means exactly what it would mean in
 * an EventBridge rule. The compiled machine is rebuilt only when the rules change.
 */
public final class EventRulerRouter implements Router {

    private final Supplier<List<RoutingRule>> rules;
    private List<RoutingRule> compiledFrom;
    private Machine machine;

    public EventRulerRouter(Supplier<List<RoutingRule>> rules) {
        this.rules = rules;
    }

    /** Whether Event Ruler accepts the pattern. */
    public static boolean isValidPattern(String pattern) {
        try {
            new Machine().addRule("check", pattern);
            return true;
        } catch (Exception invalid) {
            return false;
        }
    }

    @Override
    public synchronized Routes route(Map<String, Object> detail, String accountOwner) {
        compile(rules.get());
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(Json.write(detail));
        } catch (Exception unreadable) {
            throw new IllegalStateException("cannot match routing rules: " + unreadable.getMessage(), unreadable);
        }
        Set<String> teams = new LinkedHashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        List<String> ruleIds = new ArrayList<>();
        // in rule order, so the first rules decide the order of teams
        for (RoutingRule rule : compiledFrom) {
            if (!matched.contains(rule.id())) {
                continue;
            }
            ruleIds.add(rule.id());
            if (rule.team() != null && !rule.team().isBlank()) {
                teams.add(rule.team());
            }
            if (rule.toAccountOwner() && accountOwner != null) {
                owners.add(accountOwner);
            }
        }
        return new Routes(List.copyOf(teams), List.copyOf(owners), ruleIds);
    }

    private void compile(List<RoutingRule> current) {
        if (current.equals(compiledFrom)) {
            return;
        }
        Machine next = new Machine();
        for (RoutingRule rule : current) {
            try {
                next.addRule(rule.id(), rule.pattern());
            } catch (Exception invalid) {
                throw new IllegalStateException("routing rule " + rule.id() + " has an invalid pattern", invalid);
            }
        }
        machine = next;
        compiledFrom = List.copyOf(current);
    }
}
