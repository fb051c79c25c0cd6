package io.halqe.local.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answers a local cloud recorded ({@code --record-answers}), held to openapi.yaml: the operation found by the
 * route and method, the status described for it, the content type among the status's, and a JSON body valid by its
 * schema. People's calls through {@code /console/api/{proxy+}} are held to the {@code /api/…} operation they reach
 * (the function answers both alike), save the authorizer's own 401.
 */
public final class DescribedAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEOPLE_ROUTE = "ANY /console/api/{proxy+}";

    private final ApiDescription description;
    /** A problem, once, with how often it was seen and one path it was seen on. */
    private final Map<String, String> violations = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private int checked;

    public DescribedAnswers(ApiDescription description) {
        this.description = description;
    }

    /** The lines of {@code log} from byte {@code from} on; returns where it stopped (a line being written waits). */
    public long check(Path log, long from) {
        byte[] all;
        try {
            all = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = (int) from;
        for (int i = start; i < all.length; i++) {
            if (all[i] == '\n') {
                check(new String(all, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return start;
    }

    void check(String line) {
        JsonNode answer;
        try {
            answer = JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not an answer line: " + line, e);
        }
        checked++;
        String method = answer.path("method").asText();
        String recorded = answer.path("route").asText();
        String path = answer.path("path").asText();
        // the function's own 404 for a path it has no route for is described on the people's route itself
        String route = recorded.equals(PEOPLE_ROUTE) && !answer.path("byGateway").asBoolean()
                ? description.routeOf(method, path.substring("/console".length())).orElse(recorded) : recorded;
        Optional<JsonNode> operation = description.operation(route);
        if (operation.isEmpty()) {
            violation(route, "no such operation in openapi.yaml", path);
            return;
        }
        int status = answer.path("status").asInt();
        Optional<JsonNode> response = description.response(operation.get(), status);
        if (response.isEmpty()) {
            violation(route + " " + status, "status not described", path);
            return;
        }
        JsonNode content = response.get().path("content");
        String type = answer.path("contentType").asText("").split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode body = answer.path("body");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body.isTextual() && !body.asText().isEmpty()) {
                violation(route + " " + status, "a body (" + type + ") where none is described", path);
            }
            return;
        }
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            violation(route + " " + status, "content type " + type + " not described (" + fieldNames(content) + ")",
                    path);
            return;
        }
        if (!body.isTextual() || !media.has("schema")) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body.asText());
        } catch (IOException e) {
            violation(route + " " + status, "a body that is not JSON", path);
            return;
        }
        description.problems(media.get("schema"), parsed)
                .forEach(problem -> violation(route + " " + status, problem, path));
    }

    private void violation(String where, String problem, String path) {
        // one kind of problem whichever item of an array it was seen in
        String key = where + ": " + problem.replaceAll("/[0-9]+(?=[/:])", "/*");
        violations.putIfAbsent(key, path);
        counts.merge(key, 1, Integer::sum);
    }

    /** Each problem once: where, what, how often, and a path it was seen on. */
    public List<String> violations() {
        return violations.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + counts.get(entry.getKey()) + "×, e.g. " + entry.getValue() + ")")
                .toList();
    }

    public int checked() {
        return checked;
    }

    private static String fieldNames(JsonNode node) {
        return String.join(", ", (Iterable<String>) node::fieldNames);
    }
}
