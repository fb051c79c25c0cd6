package io.halqe.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.domain.core.InvalidCursorException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function's route table: {@code (method, "/api/cases/{caseId}/close") → route}, the same path templates as the
 * template's {@code HttpApi} events, chosen the way API Gateway chooses (the most specific wins, whatever the order
 * routes were added in). A route takes the request parsed once; an {@link HttpProblem} it throws becomes its error
 * response (and so does a paging cursor no listing returned); a path no route has is a 404, a method the path lacks a 405.
 */
public final class Router {

    /** One route's work: the request in, the response out. */
    @FunctionalInterface
    public interface Route {
        APIGatewayV2HTTPResponse handle(HttpRequest request);
    }

    /** A group of related routes (one resource's), added to a router together. */
    @FunctionalInterface
    public interface Group {
        void addTo(Router router);
    }

    private final HttpRoutes<Route> routes = new HttpRoutes<>();

    public Router route(String method, String pathTemplate, Route route) {
        routes.add(method, pathTemplate, route);
        return this;
    }

    public Router get(String pathTemplate, Route route) {
        return route("GET", pathTemplate, route);
    }

    public Router post(String pathTemplate, Route route) {
        return route("POST", pathTemplate, route);
    }

    public Router put(String pathTemplate, Route route) {
        return route("PUT", pathTemplate, route);
    }

    public Router patch(String pathTemplate, Route route) {
        return route("PATCH", pathTemplate, route);
    }

    public Router add(Group... groups) {
        for (Group group : groups) {
            group.addTo(this);
        }
        return this;
    }

    /** Every {@code "METHOD /path/{param}"} served: what the template's HttpApi events must declare. */
    public List<String> routeKeys() {
        return routes.routes().stream().map(HttpRoutes.Route::routeKey).toList();
    }

    /** The request as routed: the route it goes to and that route's path parameters; empty when none takes it. */
    public java.util.Optional<HttpRequest> routed(HttpRequest request) {
        if (request.routeKey() != null && routes.byKey(request.routeKey()).isPresent()) {
            return java.util.Optional.of(request);
        }
        return routes.match(request.method(), request.path())
                .map(match -> request.routedTo(match.route().routeKey(), match.pathParameters()));
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        // API Gateway has routed the request already when it names one of our routes: take its choice and parameters
        var chosen = request.routeKey() == null ? java.util.Optional.<HttpRoutes.Route<Route>>empty()
                : routes.byKey(request.routeKey());
        if (chosen.isPresent()) {
            return run(chosen.get().target(), request);
        }
        var match = routes.match(request.method(), request.path());
        if (match.isEmpty()) {
            Set<String> allowed = routes.allowedMethods(request.path());
            if (allowed.isEmpty()) {
                return HttpResponses.error(404, "route_not_found", "no route " + request.method() + " " + request.path());
            }
            return HttpResponses.withHeaders(HttpResponses.error(405, "method_not_allowed", request.method() + " "
                    + request.path() + " is not supported"), Map.of("allow", String.join(", ", allowed)));
        }
        return run(match.get().route().target(),
                request.routedTo(match.get().route().routeKey(), match.get().pathParameters()));
    }

    /** Ids in paths become DynamoDB keys: one past what a key can hold would fail there, as a 500. */
    static final int MAX_PATH_PARAMETER_BYTES = 512;

    private static APIGatewayV2HTTPResponse run(Route route, HttpRequest request) {
        for (var parameter : request.pathParameters().entrySet()) {
            String value = parameter.getValue();
            if (value.isEmpty() || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PATH_PARAMETER_BYTES
                    || value.chars().anyMatch(Character::isISOControl)) {
                return HttpResponses.error(400, "invalid_path", parameter.getKey() + " must be 1 to "
                        + MAX_PATH_PARAMETER_BYTES + " bytes without control characters", parameter.getKey());
            }
        }
        try {
            return route.handle(request);
        } catch (HttpProblem problem) {
            return HttpResponses.error(problem.status(), problem.code(), problem.getMessage(), problem.field());
        } catch (InvalidCursorException invalid) {
            return HttpResponses.error(400, "invalid_cursor", invalid.getMessage(), "cursor");
        }
    }
}
