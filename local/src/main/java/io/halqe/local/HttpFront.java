package io.halqe.local;

import io.halqe.aws.http.HttpRoutes;
import static io.halqe.local.HttpExchanges.message;
import static io.halqe.local.HttpExchanges.send;
import static io.halqe.local.HttpExchanges.sendJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The cloud's port: {@code /_local/*} goes to the control API, every other request to the HttpApi route that
 * matches it, as a payload format 2.0 event, and the function's answer back, with CORS as API Gateway answers it.
 * Each request runs on a virtual thread of its own and invokes its function on that thread.
 */
final class HttpFront {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpRoutes<LocalFunction> routes;
    private final HttpApiCors cors;
    private final Clock clock;
    /** HTTP API's payload quota (a Lambda target takes less: the whole event must fit its 6 MB). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private final LocalControlApi control;
    private final Usage usage;
    private final Map<String, io.halqe.local.auth.JwtAuthorizer> authorizers;
    private final Optional<AnswerLog> answers;
    private volatile boolean started;

    /** {@code server} is bound already: the cloud needs its port before the template's parameters resolve. */
    HttpFront(HttpServer server, HttpRoutes<LocalFunction> routes, HttpApiCors cors, Clock clock,
              LocalControlApi control, Usage usage, Map<String, io.halqe.local.auth.JwtAuthorizer> authorizers,
              Optional<AnswerLog> answers) {
        this.authorizers = Map.copyOf(authorizers);
        this.answers = answers;
        this.server = server;
        this.routes = routes;
        this.cors = cors;
        this.clock = clock;
        this.control = control;
        this.usage = usage;
    }

    void start() {
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        started = true;
    }

    void stop() {
        if (started) {
            server.stop(0);
        }
        executor.shutdownNow();
        answers.ifPresent(AnswerLog::close);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            try {
                if (path.equals("/_local") || path.startsWith("/_local/")) {
                    control.handle(exchange, path, body);
                } else {
                    handleApi(exchange, path, body);
                }
            } catch (io.halqe.aws.http.HttpProblem refused) {
                // what API Gateway answers itself for a request it cannot parse (a broken % escape in the query)
                sendJson(exchange, refused.status(), message("Bad Request"));
            } catch (RuntimeException e) {
                System.out.println("[local] " + exchange.getRequestMethod() + " " + path + " failed: "
                        + AsyncInvocations.rootMessage(e));
                sendJson(exchange, 500, message("Internal Server Error"));
            }
        }
    }

    private void handleApi(HttpExchange exchange, String rawPath, byte[] body) throws IOException {
        // API Gateway bills every request it receives, preflights and unrouted ones included
        usage.httpRequest();
        if (body.length > MAX_BODY_BYTES) {
            sendJson(exchange, 413, message("Request Entity Too Large"));
            return;
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>(exchange.getRequestHeaders());
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (method.equals("OPTIONS") && origin != null
                && exchange.getRequestHeaders().getFirst("Access-Control-Request-Method") != null && cors.enabled()) {
            cors.preflight(exchange, origin);
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        Optional<HttpRoutes.Match<LocalFunction>> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            cors.apply(exchange, origin);
            sendJson(exchange, 404, message("Not Found"));
            return;
        }
        HttpRoutes.Route<LocalFunction> route = match.get().route();
        // a route with a JWT authorizer: API Gateway checks the token and answers 401 itself, the function never runs
        var authorizer = authorizers.get(route.routeKey());
        var verified = authorizer == null ? Optional.<io.halqe.local.auth.JwtAuthorizer.Verified>empty()
                : authorizer.verify(exchange.getRequestHeaders().getFirst("Authorization"), List.of());
        if (authorizer != null && verified.isEmpty()) {
            cors.apply(exchange, origin);
            exchange.getResponseHeaders().set("www-authenticate", "Bearer");
            ObjectNode unauthorized = message("Unauthorized");
            answers.ifPresent(log -> log.record(method, route.routeKey(), rawPath, 401, "application/json",
                    unauthorized.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true));
            sendJson(exchange, 401, unauthorized);
            return;
        }
        String requestId = UUID.randomUUID().toString();
        HttpApiEvents.Request request = new HttpApiEvents.Request(method, rawPath, exchange.getRequestURI().getRawQuery(),
                requestHeaders, body, exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
        ObjectNode event = HttpApiEvents.requestEvent(request, route.routeKey(), match.get().pathParameters(), requestId,
                clock.instant());
        verified.ifPresent(jwt -> HttpApiEvents.withJwtClaims(event, jwt.claims(), jwt.scopes()));
        String output;
        try {
            output = route.target().invoke(event.toString());
        } catch (LocalFunction.InvocationException e) {
            System.out.println("[local] " + route.routeKey() + " -> " + route.target().functionName() + " failed: "
                    + AsyncInvocations.rootMessage(e));
            e.getCause().printStackTrace(System.out);
            cors.apply(exchange, origin);
            sendJson(exchange, 500, message("Internal Server Error"));
            return;
        }
        HttpApiEvents.Response response = HttpApiEvents.response(output);
        response.headers().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        cors.apply(exchange, origin);
        answers.ifPresent(log -> log.record(method, route.routeKey(), rawPath, response.statusCode(),
                exchange.getResponseHeaders().getFirst("Content-Type"), response.body(), false));
        send(exchange, response.statusCode(), response.body(), null);
    }
}
