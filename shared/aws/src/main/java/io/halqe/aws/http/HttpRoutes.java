package io.halqe.aws.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * HTTP API routes ({@code GET /s/{surveyId}}, {@code ANY /api/{proxy+}}, ...) and API Gateway's choice among
 * them, used by the functions' routers and by the local cloud's API Gateway alike: the most specific route wins — literal segments before {@code {param}} before {@code {proxy+}}, a route's
 * own method before {@code ANY}.
 */
public final class HttpRoutes<T> {

    public record Route<T>(String method, String path, T target) {

        public String routeKey() {
            return method + " " + path;
        }

        List<String> segments() {
            return split(path);
        }
    }

    public record Match<T>(Route<T> route, Map<String, String> pathParameters) {
    }

    private final List<Route<T>> routes = new ArrayList<>();

    public HttpRoutes<T> add(String method, String path, T target) {
        String normalized = method.toUpperCase(Locale.ROOT);
        List<String> segments = split(path);
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.endsWith("+}") && i != segments.size() - 1) {
                throw new IllegalArgumentException("greedy path variable must be last: " + path);
            }
        }
        routes.add(new Route<>(normalized, path, target));
        return this;
    }

    public List<Route<T>> routes() {
        return List.copyOf(routes);
    }

    /** The route for a request's method and raw path, with its path parameters URL-decoded. */
    public Optional<Match<T>> match(String method, String rawPath) {
        List<String> request = split(rawPath);
        String normalized = method.toUpperCase(Locale.ROOT);
        Match<T> best = null;
        int[] bestScore = null;
        for (Route<T> route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(normalized)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int[] score = matchSegments(route.segments(), request, parameters);
            if (score == null) {
                continue;
            }
            score[score.length - 1] = route.method().equals("ANY") ? 0 : 1;
            if (bestScore == null || compare(score, bestScore) > 0) {
                best = new Match<>(route, parameters);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The route whose key is {@code "METHOD /path"} exactly, as API Gateway names the route it chose. */
    public Optional<Route<T>> byKey(String routeKey) {
        return routes.stream().filter(route -> route.routeKey().equals(routeKey)).findFirst();
    }

    /** The methods of the routes whose path matches {@code rawPath}: empty when none does (a 404, not a 405). */
    public Set<String> allowedMethods(String rawPath) {
        List<String> request = split(rawPath);
        Set<String> methods = new TreeSet<>();
        for (Route<T> route : routes) {
            if (matchSegments(route.segments(), request, new LinkedHashMap<>()) != null) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    /** Per segment 3 literal, 2 {param}, 1 {greedy+}; null when the route does not match. Last slot: method. */
    private static int[] matchSegments(List<String> route, List<String> request, Map<String, String> parameters) {
        int[] score = new int[Math.max(route.size(), request.size()) + 1];
        for (int i = 0; i < route.size(); i++) {
            String segment = route.get(i);
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            if (variable && segment.endsWith("+}")) {
                if (i >= request.size()) {
                    return null;
                }
                String name = segment.substring(1, segment.length() - 2);
                List<String> rest = request.subList(i, request.size()).stream().map(HttpRoutes::decode).toList();
                parameters.put(name, String.join("/", rest));
                for (int j = i; j < score.length - 1; j++) {
                    score[j] = 1;
                }
                return score;
            }
            if (i >= request.size()) {
                return null;
            }
            if (variable) {
                if (request.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(request.get(i)));
                score[i] = 2;
            } else if (segment.equals(request.get(i))) {
                score[i] = 3;
            } else {
                return null;
            }
        }
        return route.size() == request.size() ? score : null;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
