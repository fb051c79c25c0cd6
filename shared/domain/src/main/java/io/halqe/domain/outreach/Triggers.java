package io.halqe.domain.outreach;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The touchpoint rules in force (none until an admin sets them; the local cloud seeds the demo's). */
public interface Triggers {

    List<TouchpointTrigger> current();

    void replace(List<TouchpointTrigger> triggers);

    /** What is wrong with the rules, naming the field; empty when valid. */
    static Optional<String> problem(List<TouchpointTrigger> triggers, Predicate<String> validPattern) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < triggers.size(); i++) {
            TouchpointTrigger trigger = triggers.get(i);
            String at = "triggers[" + i + "]";
            if (trigger == null || trigger.id() == null || !trigger.id().matches("[A-Za-z0-9_-]{1,64}")
                    || !ids.add(trigger.id())) {
                return Optional.of(at + ".id must be a unique name of letters, digits, _ or -");
            }
            if (trigger.pattern() == null || !validPattern.test(trigger.pattern())) {
                return Optional.of(at + ".pattern is not a valid EventBridge pattern");
            }
            if (trigger.surveyId() == null || trigger.surveyId().isBlank()) {
                return Optional.of(at + ".surveyId is required");
            }
            if (!List.of("email", "sms").contains(trigger.channel())) {
                return Optional.of(at + ".channel must be email or sms");
            }
            try {
                if (trigger.delay() == null || Duration.parse(trigger.delay()).isNegative()) {
                    return Optional.of(at + ".delay must be an ISO-8601 duration such as PT1H");
                }
            } catch (DateTimeParseException e) {
                return Optional.of(at + ".delay must be an ISO-8601 duration such as PT1H");
            }
            for (var field : trigger.customer().entrySet()) {
                if (!TouchpointTrigger.CUSTOMER_FIELDS.contains(field.getKey())) {
                    return Optional.of(at + ".customer." + field.getKey() + " is not one of "
                            + TouchpointTrigger.CUSTOMER_FIELDS);
                }
            }
            for (var path : concat(trigger)) {
                if (path == null || !path.matches("\\$(\\.[A-Za-z0-9_-]+)+")) {
                    return Optional.of(at + " paths look like $.detail.customer.email");
                }
            }
            String contact = trigger.channel().equals("email") ? "email" : "phone";
            if (!trigger.customer().containsKey(contact)) {
                return Optional.of(at + ".customer." + contact + " is required for the " + trigger.channel() + " channel");
            }
        }
        return triggers.size() > 100 ? Optional.of("triggers: at most 100") : Optional.empty();
    }

    private static List<String> concat(TouchpointTrigger trigger) {
        List<String> paths = new java.util.ArrayList<>(trigger.customer().values());
        paths.addAll(trigger.hidden().values());
        return paths;
    }
}
