package io.halqe.domain.routing;

import java.util.List;
import java.util.Optional;

/** The routing rules in force: stored ones if an admin set them, else the defaults. */
public interface RoutingRules {

    List<RoutingRule> current();

    void replace(List<RoutingRule> rules);

    /** The built-in defaults (detractors to support, bugs to engineering, praise from promoters to marketing, …). */
    static List<RoutingRule> defaults() {
        return List.of(
                new RoutingRule("detractors-to-support", "{\"npsCategory\":[\"detractor\"]}", "support", false),
                new RoutingRule("support-theme", "{\"themes\":[\"support\"]}", "support", false),
                new RoutingRule("delivery-to-logistics", "{\"themes\":[\"delivery\"]}", "logistics", false),
                new RoutingRule("billing-and-price-to-finance", "{\"themes\":[\"billing\",\"price\"]}", "finance", false),
                new RoutingRule("quality-and-usability-to-product", "{\"themes\":[\"product_quality\",\"usability\"]}",
                        "product", false),
                new RoutingRule("suggestions-to-product", "{\"feedbackType\":[\"suggestion\"]}", "product", false),
                new RoutingRule("bugs-to-engineering", "{\"feedbackType\":[\"bug\"]}", "engineering", false),
                new RoutingRule("promoter-praise-to-marketing",
                        "{\"npsCategory\":[\"promoter\"],\"feedbackType\":[\"praise\"]}", "marketing", false),
                new RoutingRule("key-accounts-to-their-owner",
                        "{\"customer\":{\"segment\":[\"enterprise\",\"key-account\"]}}", null, true));
    }

    /** Checks ids, targets and pattern syntax (by the matcher that will run them). */
    static Optional<String> problem(List<RoutingRule> rules, java.util.function.Predicate<String> validPattern) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null || rule.id() == null || !rule.id().matches("[A-Za-z0-9_-]{1,64}") || !ids.add(rule.id())) {
                return Optional.of(at + ".id must be a unique name of letters, digits, _ or -");
            }
            if ((rule.team() == null || rule.team().isBlank()) && !rule.toAccountOwner()) {
                return Optional.of(at + " needs a team or toAccountOwner");
            }
            if (rule.pattern() == null || !validPattern.test(rule.pattern())) {
                return Optional.of(at + ".pattern is not a valid EventBridge pattern");
            }
        }
        return rules.size() > 200 ? Optional.of("rules: at most 200") : Optional.empty();
    }
}
