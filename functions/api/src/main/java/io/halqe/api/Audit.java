package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.json.Json;
import io.halqe.domain.access.AuditEntry;
import io.halqe.domain.access.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the audit log keeps of a change: the route and path, who, when, and a summary that names what changed without
 * copying it — the status, the fields the request sent, and the id, version or status the answer reports. Values are
 * left out on purpose: a request body can hold personal data (an import, an announcement's text, a customer's email),
 * and the log keeps entries for good.
 */
final class Audit {

    private static final int MAX_FIELDS = 30;

    private Audit() {
    }

    static AuditEntry entry(Principal caller, String routeKey, HttpRequest request, APIGatewayV2HTTPResponse response) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", response.getStatusCode());
        List<String> sent = fieldNames(request.rawBody(), request.base64Encoded());
        if (!sent.isEmpty()) {
            summary.put("fields", sent);
        }
        JsonNode answer = parse(response.getBody(), response.getIsBase64Encoded());
        if (answer != null && answer.isObject()) {
            for (String name : List.of("id", "responseId", "caseId", "version", "status", "disabled", "revokedAt")) {
                if (answer.hasNonNull(name) && answer.get(name).isValueNode()) {
                    summary.put(name, answer.get(name).asText());
                }
            }
        }
        return new AuditEntry(UUID.randomUUID().toString(), request.receivedAt(), caller.actor(),
                routeKey, request.path(), summary);
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
