package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.Router;
import io.halqe.aws.json.Json;
import io.halqe.domain.access.AuditEntry;
import io.halqe.domain.access.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the audit log keeps of a change: the route and path, who, when, and a summary that names what changed without
 * copying it — the status, the fields the request sent, the id, version or status the answer reports, and, where the
 * changed thing can be read ({@link #readOf}), which of its fields differ before and after (with the before and
 * after values of {@link #SHOWN} fields only; for a creation answered with its {@code location}, their values after).
 * Other values are left out on purpose: a request body can hold personal
 * data (an import, an announcement's text, a customer's email), and the log keeps entries for good.
 */
final class Audit {

    private static final int MAX_FIELDS = 30;
    /** Path parameters that name a person: the log keeps a keyed hash of them, so an erasure leaves no id behind. */
    private static final java.util.Set<String> PERSONAL = java.util.Set.of("customerId");
    /** Fields whose values (a value, or a list of values) say what happened and name no one. */
    private static final List<String> SHOWN = List.of("status", "version", "team", "role", "teams");

    private final io.halqe.domain.access.AuditLog log;
    private final java.util.function.UnaryOperator<String> pseudonym;

    /** {@code pseudonym}: a keyed hash, the same for the same person, that no one can read an id back from. */
    Audit(io.halqe.domain.access.AuditLog log, java.util.function.UnaryOperator<String> pseudonym) {
        this.log = log;
        this.pseudonym = pseudonym;
    }

    /** {@code routed}: the change as routed (its route key and path parameters). */
    void record(Principal caller, HttpRequest routed, APIGatewayV2HTTPResponse response, JsonNode before,
                JsonNode after) {
        log.append(entry(caller, routed, response, before, after));
    }

    /** The changed thing's path: the route's, each parameter filled in, a person's id as {@code ~<keyed hash>}. */
    private String target(HttpRequest request) {
        String target = request.routeKey().substring(request.routeKey().indexOf(' ') + 1);
        for (var parameter : request.pathParameters().entrySet()) {
            String value = PERSONAL.contains(parameter.getKey()) ? "~" + pseudonym.apply(parameter.getValue())
                    : parameter.getValue();
            target = target.replace("{" + parameter.getKey() + "}", value);
        }
        return target;
    }

    /**
     * The read that shows what a change changes: the same path for PUT, PATCH and DELETE; the parent for a POST to
     * one of a thing's actions ({@code /api/cases/{id}/close} → {@code /api/cases/{id}}). Empty when no GET route
     * serves it (a creation, an import).
     */
    static Optional<HttpRequest> readOf(HttpRequest change, Router routes) {
        String path = change.path();
        if (change.method().equals("POST")) {
            int slash = path.lastIndexOf('/');
            path = path.chars().filter(c -> c == '/').count() > 3 ? path.substring(0, slash) : null;
        } else if (change.method().equals("GET")) {
            path = null;
        }
        if (path == null) {
            return Optional.empty();
        }
        HttpRequest read = new HttpRequest("GET", path, null, Map.of(), Map.of(), change.headers(), null, false,
                change.receivedAt(), change.sourceIp());
        return routes.routed(read);
    }

    /** Where a creation's answer says the made thing is read ({@code 201} with a {@code location} it routes to). */
    static Optional<HttpRequest> createdAt(HttpRequest change, APIGatewayV2HTTPResponse response, Router routes) {
        return location(response).filter(where -> change.method().equals("POST")).flatMap(where -> routes.routed(
                new HttpRequest("GET", where, null, Map.of(), Map.of(), change.headers(), null, false,
                        change.receivedAt(), change.sourceIp())));
    }

    private static Optional<String> location(APIGatewayV2HTTPResponse response) {
        return Optional.ofNullable(response.getHeaders()).filter(headers -> response.getStatusCode() == 201)
                .map(headers -> headers.get("location"));
    }

    /** The body of a read that succeeded, else null. */
    static JsonNode state(APIGatewayV2HTTPResponse read) {
        return read.getStatusCode() == 200 ? parse(read.getBody(), read.getIsBase64Encoded()) : null;
    }

    private AuditEntry entry(Principal caller, HttpRequest request, APIGatewayV2HTTPResponse response, JsonNode before,
                             JsonNode after) {
        String routeKey = request.routeKey();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", response.getStatusCode());
        List<String> sent = fieldNames(request.rawBody(), request.base64Encoded());
        if (!sent.isEmpty()) {
            summary.put("fields", sent);
        }
        JsonNode answer = parse(response.getBody(), response.getIsBase64Encoded());
        if (answer != null && answer.isObject()) {
            // a customer's own id names a person: kept as its pseudonym, like the path
            boolean aboutAPerson = routeKey.contains("/api/customers");
            for (String name : List.of("id", "responseId", "caseId", "version", "status", "disabled", "revokedAt")) {
                if (answer.hasNonNull(name) && answer.get(name).isValueNode()) {
                    String value = answer.get(name).asText();
                    summary.put(name, aboutAPerson && name.equals("id") ? "~" + pseudonym.apply(value) : value);
                }
            }
        }
        if (before != null && before.isObject()) {
            summary.putAll(difference(before, after));
        } else if (after != null && after.isObject()) {
            summary.put("created", true);
            for (String name : SHOWN) {
                if (after.hasNonNull(name) && shown(after.get(name))) {
                    summary.put(name, Map.of("after", text(after.get(name))));
                }
            }
        }
        // a creation's target is the thing made, where its answer says it lives
        String target = before == null && after != null ? location(response).orElse(target(request)) : target(request);
        return new AuditEntry(UUID.randomUUID().toString(), request.receivedAt(), caller.actor(),
                routeKey, target, summary);
    }

    /** The top-level fields that differ (the thing gone: {@code deleted}); before and after of the shown ones. */
    private static Map<String, Object> difference(JsonNode before, JsonNode after) {
        Map<String, Object> difference = new LinkedHashMap<>();
        if (after == null || !after.isObject()) {
            difference.put("deleted", true);
            return difference;
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> changed = names.stream().filter(name -> !java.util.Objects.equals(before.get(name), after.get(name)))
                .limit(MAX_FIELDS).toList();
        difference.put("changed", changed);
        for (String name : SHOWN) {
            if (changed.contains(name) && shown(before.get(name)) && shown(after.get(name))) {
                difference.put(name, Map.of("before", String.valueOf(text(before.get(name))),
                        "after", String.valueOf(text(after.get(name)))));
            }
        }
        return difference;
    }

    /** A value, null, or a list of values. */
    private static boolean shown(JsonNode node) {
        if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    return false;
                }
            }
            return true;
        }
        return node == null || node.isValueNode();
    }

    /** {@code agent}; a list as {@code [logistics, support]}. */
    private static String text(JsonNode node) {
        if (node != null && node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return items.toString();
        }
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> fieldNames(String body, boolean base64) {
        JsonNode json = parse(body, base64);
        List<String> names = new ArrayList<>();
        if (json != null && json.isObject()) {
            json.fieldNames().forEachRemaining(name -> {
                if (names.size() < MAX_FIELDS) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static JsonNode parse(String body, boolean base64) {
        if (body == null || body.isEmpty() || base64) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException notJson) {
            return null;
        }
    }
}
