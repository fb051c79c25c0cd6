package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing a response on the cloud's port, for the HttpApi front and the {@code /_local} control API alike. */
final class HttpExchanges {

    private HttpExchanges() {
    }

    /** {@code {"message": text}}, the body API Gateway answers errors with. */
    static ObjectNode message(String text) {
        ObjectNode json = Json.object();
        json.put("message", text);
        return json;
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, body.toString().getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static void sendHtml(HttpExchange exchange, String html) throws IOException {
        send(exchange, 200, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    /** Sends no body where HTTP has none (204, 304, HEAD) or there is none; a null content type sets no header. */
    static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0 || status == 204 || status == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
