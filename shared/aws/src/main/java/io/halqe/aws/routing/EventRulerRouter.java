package io.halqe.aws.routing;

import io.halqe.aws.json.Json;
import io.halqe.domain.routing.Router;
import io.halqe.domain.routing.Routes;
import io.halqe.domain.routing.RoutingRule;
import java.util.LinkedHashMap;
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
        List<RoutingRule> current = rules.get();
        Map<String, String> byId = new LinkedHashMap<>();
        Map<String, RoutingRule> rulesById = new LinkedHashMap<>();
        for (RoutingRule rule : current) {
            byId.put(rule.id(), rule.pattern());
            rulesById.put(rule.id(), rule);
        }
        Set<String> teams = new LinkedHashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        // in rule order, so the first rules decide the order of teams
        List<String> matched = patterns.matching(byId, Json.write(detail));
        for (String id : matched) {
            RoutingRule rule = rulesById.get(id);
            if (rule.team() != null && !rule.team().isBlank()) {
                teams.add(rule.team());
            }
            if (rule.toAccountOwner() && accountOwner != null) {
                owners.add(accountOwner);
            }
        }
        return new Routes(List.copyOf(teams), List.copyOf(owners), matched);
    }
}
