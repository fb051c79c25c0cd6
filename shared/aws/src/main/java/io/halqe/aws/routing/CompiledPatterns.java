package io.halqe.aws.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * Named EventBridge patterns compiled into one Event Ruler machine, so a pattern means exactly what it would mean in an
 * EventBridge rule. The machine is rebuilt only when the patterns change.
 */
final class CompiledPatterns {

    private final String what;
    private Map<String, String> compiledFrom;
    private Machine machine;

    CompiledPatterns(String what) {
        this.what = what;
    }

    /** Whether Event Ruler accepts the pattern. */
    static boolean isValid(String pattern) {
        try {
            new Machine().addRule("check", pattern);
            return true;
        } catch (Exception invalid) {
            return false;
        }
    }

    /** The rules whose pattern matches the JSON event, in rule order. */
    <T> List<T> matching(List<T> rules, java.util.function.Function<T, String> id,
                         java.util.function.Function<T, String> pattern, String eventJson) {
        Map<String, String> patterns = new LinkedHashMap<>();
        Map<String, T> byId = new LinkedHashMap<>();
        for (T rule : rules) {
            patterns.put(id.apply(rule), pattern.apply(rule));
            byId.put(id.apply(rule), rule);
        }
        return matching(patterns, eventJson).stream().map(byId::get).toList();
    }

    /** The names whose pattern matches the JSON event, in the order of {@code patterns}. */
    synchronized List<String> matching(Map<String, String> patterns, String eventJson) {
        compile(patterns);
        List<String> matched;
        try {
            matched = machine.rulesForJSONEvent(eventJson);
        } catch (Exception unreadable) {
            throw new IllegalStateException("cannot match " + what + ": " + unreadable.getMessage(), unreadable);
        }
        List<String> ordered = new ArrayList<>();
        for (String name : compiledFrom.keySet()) {
            if (matched.contains(name)) {
                ordered.add(name);
            }
        }
        return ordered;
    }

    private void compile(Map<String, String> patterns) {
        if (patterns.equals(compiledFrom)) {
            return;
        }
        Machine next = new Machine();
        for (var pattern : patterns.entrySet()) {
            try {
                next.addRule(pattern.getKey(), pattern.getValue());
            } catch (Exception invalid) {
                throw new IllegalStateException(what + " " + pattern.getKey() + " has an invalid pattern", invalid);
            }
        }
        machine = next;
        compiledFrom = new LinkedHashMap<>(patterns);
    }
}
