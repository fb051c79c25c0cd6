package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.aws.routing.EventRulerRouter;
import io.halqe.domain.alerts.AlertRule;
import io.halqe.domain.alerts.AlertRules;
import io.halqe.domain.outreach.ContactPolicies;
import io.halqe.domain.outreach.ContactPolicy;
import io.halqe.domain.outreach.TouchpointTrigger;
import io.halqe.domain.outreach.Triggers;
import io.halqe.domain.routing.RoutingRule;
import io.halqe.domain.routing.RoutingRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The rules the team edits: routing, alert rules, touchpoint rules and the contact policy. */
record RuleRoutes(RoutingRules routing, AlertRules alertRules, Triggers triggers, ContactPolicies contactPolicy)
        implements Router.Group {

    record RoutingConfig(List<RoutingRule> rules) {
    }

    record AlertRulesConfig(List<AlertRule> rules) {
    }

    record TriggersConfig(List<TouchpointTrigger> triggers) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/routing", request -> HttpResponses.json(200, Map.of("rules", routing.current())))
                .put("/api/routing", request -> replace(request, RoutingConfig.class, RoutingConfig::rules, "rules",
                        "invalid_routing", rules -> RoutingRules.problem(rules, EventRulerRouter::isValidPattern),
                        routing::replace))
                .get("/api/alert-rules", request -> HttpResponses.json(200, Map.of("rules", alertRules.current())))
                .put("/api/alert-rules", request -> replace(request, AlertRulesConfig.class, AlertRulesConfig::rules,
                        "rules", "invalid_alert_rules", rules -> AlertRules.problem(rules, EventRulerRouter::isValidPattern),
                        alertRules::replace))
                .get("/api/triggers", request -> HttpResponses.json(200, Map.of("triggers", triggers.current())))
                .put("/api/triggers", request -> replace(request, TriggersConfig.class, TriggersConfig::triggers,
                        "triggers", "invalid_triggers", list -> Triggers.problem(list, EventRulerRouter::isValidPattern),
                        triggers::replace))
                .get("/api/contact-policy", request -> HttpResponses.json(200, contactPolicy.current()))
                .put("/api/contact-policy", this::putContactPolicy);
    }

    /**
     * PUT of a rule list: validated as a whole — a 400 names the rule and field ({@code rules[2].pattern}), and
     * nothing is stored — then stored in one write.
     */
    private static <C, T> APIGatewayV2HTTPResponse replace(HttpRequest request, Class<C> type, Function<C, List<T>> listed,
                                                           String field, String code,
                                                           Function<List<T>, Optional<String>> problem,
                                                           Consumer<List<T>> store) {
        List<T> rules = Objects.requireNonNullElse(listed.apply(body(request, type)), List.of());
        var wrong = problem.apply(rules);
        if (wrong.isPresent()) {
            // the problem starts with the path of what is wrong ("rules[2].pattern is …", "rules: at most 100")
            return HttpResponses.error(400, code, wrong.get(), wrong.get().split("[ :]")[0]);
        }
        store.accept(rules);
        return HttpResponses.json(200, Map.of(field, rules));
    }

    private APIGatewayV2HTTPResponse putContactPolicy(HttpRequest request) {
        ContactPolicy policy = body(request, ContactPolicy.class);
        var problem = policy.problem();
        if (problem.isPresent()) {
            return HttpResponses.error(400, "invalid_contact_policy", problem.get(), problem.get().split(" ")[0]);
        }
        contactPolicy.replace(policy);
        return HttpResponses.json(200, policy);
    }
}
