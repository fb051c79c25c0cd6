package io.halqe.aws.routing;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Customer;
import io.halqe.domain.outreach.TouchpointTrigger;
import io.halqe.domain.outreach.TriggerMatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Touchpoint rules matched by Event Ruler against the whole EventBridge event; the customer and hidden fields are
 * read by the rule's JSON paths ({@code $.detail.customer.email} → the JSON pointer {@code /detail/customer/email}).
 */
public final class EventRulerTriggerMatcher implements TriggerMatcher {

    private final Supplier<List<TouchpointTrigger>> triggers;
    private final CompiledPatterns patterns = new CompiledPatterns("touchpoint rule");

    public EventRulerTriggerMatcher(Supplier<List<TouchpointTrigger>> triggers) {
        this.triggers = triggers;
    }

    @Override
    public List<Match> matching(String eventJson) {
        List<TouchpointTrigger> matched = patterns.matching(triggers.get(), TouchpointTrigger::id,
                TouchpointTrigger::pattern, eventJson);
        if (matched.isEmpty()) {
            return List.of();
        }
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Match> matches = new ArrayList<>();
        for (TouchpointTrigger trigger : matched) {
            Map<String, String> customer = new LinkedHashMap<>();
            trigger.customer().forEach((field, path) -> customer.put(field, read(event, path)));
            Map<String, String> hidden = new LinkedHashMap<>();
            trigger.hidden().forEach((field, path) -> {
                String value = read(event, path);
                if (value != null) {
                    hidden.put(field, value);
                }
            });
            matches.add(new Match(trigger, new Customer(customer.get("id"), customer.get("email"),
                    customer.get("phone"), customer.get("name"), customer.get("locale")), customer.get("timeZone"), hidden));
        }
        return matches;
    }

    /** The text (or number) at a {@code $.a.b} path; null when absent. */
    static String read(JsonNode event, String path) {
        JsonNode value = event.at(JsonPointer.compile(path.substring(1).replace('.', '/')));
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
