package io.halqe.local;

import static io.halqe.local.HttpExchanges.message;
import static io.halqe.local.HttpExchanges.send;
import static io.halqe.local.HttpExchanges.sendJson;

import com.sun.net.httpserver.HttpExchange;
import io.halqe.aws.http.FormEncoding;
import io.halqe.local.auth.LocalIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /_local/auth/…}: the local issuer's login page ({@code GET|POST login}, also {@code GET oauth2/authorize}
 * as managed login names it), token endpoint ({@code POST token} or {@code oauth2/token}, form-encoded) and public
 * keys ({@code GET jwks.json}), as Cognito's managed login, OAuth and JWKS endpoints would answer them.
 */
final class LocalAuthPages {

    /** Where the local cloud answers for a user pool's managed login domain: {@code oauth2/authorize}, {@code oauth2/token}. */
    static final String MANAGED_LOGIN = "/_local/auth";

    private LocalAuthPages() {
    }

    /** False when the path is no auth endpoint. */
    static boolean handle(HttpExchange exchange, String method, String path, byte[] body, LocalIssuer issuer)
            throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        LocalIssuer.Answer answer;
        switch (method + " " + path) {
            case "GET /_local/auth/.well-known/openid-configuration" -> {
                sendJson(exchange, 200, issuer.discovery(baseUrl(exchange)));
                return true;
            }
            case "GET /_local/auth/jwks.json" -> {
                send(exchange, 200, issuer.jwks().getBytes(StandardCharsets.UTF_8), "application/json");
                return true;
            }
            case "GET /_local/auth/login", "GET /_local/auth/oauth2/authorize" -> answer = issuer.loginPage(form(query));
            case "POST /_local/auth/login" -> answer = issuer.login(form(new String(body, StandardCharsets.UTF_8)));
            case "POST /_local/auth/token", "POST /_local/auth/oauth2/token" -> answer = issuer.token(form(new String(body, StandardCharsets.UTF_8)));
            default -> {
                return false;
            }
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        switch (answer) {
            case LocalIssuer.Answer.Page page -> send(exchange, page.status(),
                    page.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
            case LocalIssuer.Answer.Redirect redirect -> {
                exchange.getResponseHeaders().set("Location", redirect.location());
                send(exchange, 302, new byte[0], null);
            }
            case LocalIssuer.Answer.Tokens tokens -> sendJson(exchange, tokens.status(), tokens.json());
        }
        return true;
    }

    private static String baseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return "http://" + (host == null ? "localhost:" + exchange.getLocalAddress().getPort() : host);
    }

    static void noIssuer(HttpExchange exchange) throws IOException {
        sendJson(exchange, 404, message("the template defines no JWT authorizer, so nobody signs in"));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded != null) {
            FormEncoding.pairs(encoded).forEach(pair -> form.putIfAbsent(pair.getKey(), pair.getValue()));
        }
        return form;
    }
}
