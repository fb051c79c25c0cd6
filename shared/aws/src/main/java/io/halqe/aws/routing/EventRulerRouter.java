package io.halqe.aws.routing;

import io.halqe.aws.json.Json;
import io.halqe.domain.routing.Router;
import io.halqe.domain.routing.Routes;
import io.halqe.domain.routing.RoutingRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Routing with AWS's own EventBridge matcher (Event Ruler). */
public final class EventRulerRouter implements Router {

    private final Supplier<List<RoutingRule>> rules;
    private final CompiledPatterns patterns = new CompiledPatterns("routing rule");

    public EventRulerRouter(Supplier<List<RoutingRule>> rules) {
        this.rules = rules;
    }

    /** Whether Event Ruler accepts the pattern. */
    public static boolean isValidPattern(String pattern) {
        return CompiledPatterns.isValid(pattern);
    }

    @Override
    public Routes route(Map<String, Object> detail, String accountOwner) {
        Set<String> teams = new LinkedHashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        Set<String> owning = new LinkedHashSet<>();
        // in rule order, so the first rules decide the order of teams
        List<RoutingRule> matched = patterns.matching(rules.get(), RoutingRule::id, RoutingRule::pattern,
                Json.write(detail));
        for (RoutingRule rule : matched) {
            if (rule.team() != null && !rule.team().isBlank()) {
                teams.add(rule.team());
            }
            if (rule.owns()) {
                owning.add(rule.team());
            }
            if (rule.toAccountOwner() && accountOwner != null) {
                owners.add(accountOwner);
            }
        }
        return new Routes(List.copyOf(teams), List.copyOf(owners), matched.stream().map(RoutingRule::id).toList(),
                List.copyOf(owning));
    }
}
