package io.halqe.local;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import static io.halqe.local.HttpExchanges.message;
import static io.halqe.local.HttpExchanges.sendHtml;
import static io.halqe.local.HttpExchanges.sendJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The {@code /_local/*} endpoints, what AWS has no API for: health, the outbox, drain, the clock, putting an event,
 * the dead letters. They answer JSON (the outbox also as a page) and act through the cloud's public API, so the
 * end-to-end tests and a developer's curl see what an in-process test sees.
 */
final class LocalControlApi {

    private final LocalCloud cloud;

    LocalControlApi(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A request the control API refuses with 400 and the message. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    void handle(HttpExchange exchange, String path, byte[] body) throws IOException {
        try {
            route(exchange, path, body);
        } catch (BadRequest e) {
            sendJson(exchange, 400, message(e.getMessage()));
        }
    }

    private void route(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (path.startsWith("/_local/auth/")) {
            var issuer = cloud.issuer();
            if (issuer.isEmpty()) {
                LocalAuthPages.noIssuer(exchange);
            } else if (!LocalAuthPages.handle(exchange, method, path, body, issuer.get())) {
                sendJson(exchange, 404, message("Not Found"));
            }
            return;
        }
        switch (method + " " + path) {
            case "GET /_local/health" -> {
                ObjectNode status = Json.object();
                status.put("status", cloud.ready() ? "ready" : "starting");
                sendJson(exchange, cloud.ready() ? 200 : 503, status);
            }
            case "GET /_local/outbox" -> {
                if (prefersHtml(exchange.getRequestHeaders().getFirst("Accept"))) {
                    sendHtml(exchange, OutboxPage.render(cloud.outbox()));
                } else {
                    sendJson(exchange, 200, outboxJson(cloud.outbox()));
                }
            }
            case "GET /_local/outbox.html" -> sendHtml(exchange, OutboxPage.render(cloud.outbox()));
            case "GET /_local/outbox.json" -> sendJson(exchange, 200, outboxJson(cloud.outbox()));
            case "POST /_local/drain" -> {
                cloud.drain();
                ObjectNode result = Json.object();
                result.put("drained", true);
                result.put("now", cloud.now().toString());
                sendJson(exchange, 200, result);
            }
            case "GET /_local/clock" -> {
                ObjectNode result = Json.object();
                result.put("now", cloud.now().toString());
                sendJson(exchange, 200, result);
            }
            case "POST /_local/clock" -> sendJson(exchange, 200, advanceClock(parseBody(body)));
            case "POST /_local/events" -> sendJson(exchange, 200, putEvent(parseBody(body)));
            case "GET /_local/dead-letters" -> sendJson(exchange, 200, deadLettersJson(cloud.deadLetters()));
            case "GET /_local/tables" -> sendJson(exchange, 200, tablesJson());
            case "POST /_local/sms-opt-out" -> {
                String phone = parseBody(body).path("phone").asText("");
                if (!io.halqe.domain.text.PhoneNumbers.isE164(phone)) {
                    throw new BadRequest("phone must be an E.164 number such as +989121234567");
                }
                cloud.optOutSms(phone);
                ObjectNode result = Json.object();
                result.put("optedOut", phone);
                sendJson(exchange, 200, result);
            }
            default -> sendJson(exchange, 404, message("Not Found"));
        }
    }

    /** Every item of every table, by logical id, as plain JSON: to see what is stored (and that nothing is left). */
    private ObjectNode tablesJson() {
        ObjectNode tables = Json.object();
        cloud.tableNames().forEach((logicalId, tableName) -> {
            var items = tables.putArray(logicalId);
            cloud.dynamoDb().scanPaginator(request -> request.tableName(tableName)).items()
                    .forEach(item -> items.add(plain(AttributeValue.fromM(item))));
        });
        return tables;
    }

    private static JsonNode plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> Json.MAPPER.getNodeFactory().textNode(value.s());
            case N -> Json.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal(value.n()));
            case BOOL -> Json.MAPPER.getNodeFactory().booleanNode(value.bool());
            case M -> {
                ObjectNode map = Json.object();
                value.m().forEach((name, inner) -> map.set(name, plain(inner)));
                yield map;
            }
            case L -> {
                var list = Json.MAPPER.createArrayNode();
                value.l().forEach(inner -> list.add(plain(inner)));
                yield list;
            }
            case SS -> {
                var list = Json.MAPPER.createArrayNode();
                value.ss().forEach(list::add);
                yield list;
            }
            case NS -> {
                var list = Json.MAPPER.createArrayNode();
                value.ns().forEach(list::add);
                yield list;
            }
            default -> Json.MAPPER.getNodeFactory().nullNode();
        };
    }

    private ObjectNode advanceClock(JsonNode request) {
        String advance = request.path("advance").asText("");
        Duration duration;
        try {
            duration = Duration.parse(advance);
        } catch (DateTimeParseException e) {
            throw new BadRequest("advance must be an ISO-8601 duration such as PT5M or P3D, not '" + advance + "'");
        }
        if (duration.isNegative()) {
            throw new BadRequest("the local clock only moves forward");
        }
        LocalCloud.ClockAdvance result = cloud.advanceClock(duration);
        ObjectNode json = Json.object();
        json.put("now", result.now().truncatedTo(ChronoUnit.MILLIS).toString());
        json.put("fired", result.fired());
        return json;
    }

    private ObjectNode putEvent(JsonNode request) {
        ObjectNode entry = Json.object();
        entry.set("Source", request.get("Source"));
        entry.set("DetailType", request.get("DetailType"));
        entry.set("Detail", request.get("Detail"));
        if (request.has("Resources")) {
            entry.set("Resources", request.get("Resources"));
        }
        LocalEventBus.PutResult result = cloud.bus().put(entry);
        if (result.eventId() == null) {
            throw new BadRequest(result.errorCode() + ": " + result.errorMessage());
        }
        ObjectNode json = Json.object();
        json.put("EventId", result.eventId());
        return json;
    }

    private static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the body must be JSON: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ JSON views

    static ObjectNode outboxJson(Outbox outbox) {
        ObjectNode json = Json.object();
        ArrayNode emails = json.putArray("emails");
        for (Outbox.Email email : outbox.emails()) {
            ObjectNode item = emails.addObject();
            email.to().forEach(item.putArray("to")::add);
            if (!email.cc().isEmpty()) {
                email.cc().forEach(item.putArray("cc")::add);
            }
            if (!email.bcc().isEmpty()) {
                email.bcc().forEach(item.putArray("bcc")::add);
            }
            item.put("from", email.from());
            item.put("subject", email.subject());
            item.put("text", email.text());
            item.put("html", email.html());
            item.put("configurationSet", email.configurationSet());
            if (!email.headers().isEmpty()) {
                ObjectNode headers = item.putObject("headers");
                email.headers().forEach(headers::put);
            }
            item.put("messageId", email.messageId());
            item.put("sentAt", email.sentAt().toString());
        }
        ArrayNode notifications = json.putArray("notifications");
        for (Outbox.Notification notification : outbox.notifications()) {
            ObjectNode item = notifications.addObject();
            item.put("topic", notification.topic());
            item.put("subject", notification.subject());
            item.put("message", notification.message());
            ObjectNode attributes = item.putObject("attributes");
            notification.attributes().forEach(attributes::put);
            item.put("messageId", notification.messageId());
            item.put("publishedAt", notification.publishedAt().toString());
        }
        return json;
    }

    static ObjectNode deadLettersJson(List<DeadLetters.DeadLetter> deadLetters) {
        ObjectNode json = Json.object();
        ArrayNode letters = json.putArray("deadLetters");
        for (DeadLetters.DeadLetter letter : deadLetters) {
            ObjectNode item = letters.addObject();
            item.put("function", letter.function());
            item.put("source", letter.source());
            item.put("error", letter.error());
            item.put("attempts", letter.attempts());
            item.put("at", letter.at().toString());
            item.set("payload", letter.payload());
        }
        return json;
    }

    /** True when the Accept header ranks text/html above application/json (a browser, not curl). */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String part : accept.split(",")) {
            String[] pieces = part.trim().split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return html > json;
    }
}
