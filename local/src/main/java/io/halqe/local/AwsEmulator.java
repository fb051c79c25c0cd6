package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.halqe.aws.http.FormEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The AWS APIs the functions call besides DynamoDB, on a loopback port of their own: SES v2 SendEmail (restJson),
 * SNS Publish (query protocol, or JSON), EventBridge PutEvents (JSON 1.1), the user pool's calls (LocalUserPool's).
 * Emails and notifications land in the {@link Outbox}, events on the {@link LocalEventBus}.
 */
final class AwsEmulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> secrets;
    private final Outbox outbox;
    private final LocalEventBus bus;
    private final Clock clock;
    private final Faults faults;
    private final Usage usage;
    private final io.halqe.local.auth.LocalUserPool people;

    AwsEmulator(Outbox outbox, LocalEventBus bus, Clock clock, Map<String, String> secrets, Faults faults, Usage usage,
                io.halqe.local.auth.LocalUserPool people) throws IOException {
        this.people = people;
        this.faults = faults;
        this.usage = usage;
        this.secrets = Map.copyOf(secrets);
        this.outbox = outbox;
        this.bus = bus;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String injected = path.equals("/v2/email/outbound-emails") ? "ses"
                    : "AWSEvents.PutEvents".equals(target) ? "events"
                    : (target != null && target.startsWith("AmazonSimpleNotificationService.")) || contentType.startsWith(
                    "application/x-www-form-urlencoded") ? "sns" : null;
            if (injected != null && faults.strike(injected)) {
                // what a service says when it is briefly unavailable; the SDK retries it
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            try {
                if (path.equals("/v2/email/outbound-emails") && exchange.getRequestMethod().equals("POST")) {
                    sendJson(exchange, 200, sesSendEmail(Json.parse(body)), "application/json");
                } else if (target != null && target.equals("AWSEvents.PutEvents")) {
                    sendJson(exchange, 200, putEvents(Json.parse(body)), "application/x-amz-json-1.1");
                } else if (target != null && target.equals("secretsmanager.GetSecretValue")) {
                    usage.secretsCall();
                    getSecretValue(exchange, Json.parse(body));
                } else if (target != null && target.startsWith(io.halqe.local.auth.LocalUserPool.TARGET_PREFIX)) {
                    var reply = people.call(target.substring(target.indexOf('.') + 1), Json.parse(body));
                    sendJson(exchange, reply.status(), reply.body(), "application/x-amz-json-1.1");
                } else if (target != null && target.startsWith("AmazonSimpleNotificationService.")) {
                    snsJson(exchange, target.substring(target.indexOf('.') + 1), body);
                } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
                    snsQuery(exchange, form(new String(body, StandardCharsets.UTF_8)));
                } else {
                    unknown(exchange, target, path);
                }
            } catch (SesRefusal refusal) {
                ObjectNode error = Json.object();
                error.put("message", refusal.getMessage());
                exchange.getResponseHeaders().set("x-amzn-ErrorType", refusal.type);
                sendJson(exchange, 400, error, "application/json");
            } catch (IllegalArgumentException e) {
                ObjectNode error = Json.object();
                error.put("__type", "ValidationException");
                error.put("message", e.getMessage());
                sendJson(exchange, 400, error, "application/json");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ Secrets Manager

    /** The template's secrets, by ARN or name, with the values the local cloud generated and keeps. */
    private void getSecretValue(HttpExchange exchange, JsonNode request) throws IOException {
        String id = request.path("SecretId").asText("");
        String arn = secrets.containsKey(id) ? id : secrets.keySet().stream()
                .filter(candidate -> candidate.endsWith(":secret:" + id)).findFirst().orElse(null);
        if (arn == null) {
            ObjectNode error = Json.object();
            error.put("__type", "ResourceNotFoundException");
            error.put("message", "Secrets Manager can't find the specified secret: " + id);
            sendJson(exchange, 400, error, "application/x-amz-json-1.1");
            return;
        }
        ObjectNode response = Json.object();
        response.put("ARN", arn);
        response.put("Name", arn.substring(arn.indexOf(":secret:") + ":secret:".length()));
        response.put("SecretString", secrets.get(arn));
        response.put("VersionId", "local");
        sendJson(exchange, 200, response, "application/x-amz-json-1.1");
    }

    // ------------------------------------------------------------------------------------------ SES v2

    /** SES's own refusal of a message, answered as SES v2 does (the SDK maps the error type to its exception). */
    private static final class SesRefusal extends RuntimeException {
        private final String type;

        SesRefusal(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private ObjectNode sesSendEmail(JsonNode request) {
        JsonNode destination = request.path("Destination");
        JsonNode content = request.path("Content");
        String messageId = "local-" + UUID.randomUUID();
        String from = request.path("FromEmailAddress").asText(null);
        List<String> to = strings(destination.path("ToAddresses"));
        List<String> cc = strings(destination.path("CcAddresses"));
        List<String> bcc = strings(destination.path("BccAddresses"));
        String subject = null;
        String text = null;
        String html = null;
        Map<String, String> headers = new LinkedHashMap<>();
        if (content.has("Simple")) {
            JsonNode simple = content.path("Simple");
            subject = simple.path("Subject").path("Data").asText(null);
            text = simple.path("Body").path("Text").path("Data").asText(null);
            html = simple.path("Body").path("Html").path("Data").asText(null);
            simple.path("Headers").forEach(header -> headers.put(header.path("Name").asText(), header.path("Value").asText()));
        } else if (content.has("Raw")) {
            String raw = new String(Base64.getMimeDecoder().decode(content.path("Raw").path("Data").asText("")),
                    StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") : raw.indexOf("\n\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            for (String line : head.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            subject = headers.get("Subject");
            if (from == null) {
                from = headers.get("From");
            }
            if (to.isEmpty() && headers.containsKey("To")) {
                to = List.of(headers.get("To").split("\\s*,\\s*"));
            }
            text = split < 0 ? "" : raw.substring(split).strip();
        } else if (content.has("Template")) {
            subject = "template " + content.path("Template").path("TemplateName").asText();
            text = content.path("Template").path("TemplateData").asText(null);
        } else {
            throw new IllegalArgumentException("SendEmail needs Content.Simple, Content.Raw or Content.Template");
        }
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new IllegalArgumentException("SendEmail needs at least one destination address");
        }
        if (to.size() + cc.size() + bcc.size() > 50) {
            throw new SesRefusal("BadRequestException", "Recipient count exceeds 50.");
        }
        for (String address : java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList()) {
            // SES does not speak SMTPUTF8: a local part beyond 7-bit ASCII is refused, as are malformed addresses
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1 || !address.substring(0, at).chars().allMatch(c -> c > 32 && c < 127)) {
                throw new SesRefusal("BadRequestException", "Illegal address");
            }
        }
        usage.sesSend();
        outbox.add(new Outbox.Email(messageId, to, cc, bcc, from, subject, text, html,
                request.path("ConfigurationSetName").asText(null), headers, clock.instant()));
        System.out.println("[local] email to " + to + ": " + subject);
        ObjectNode response = Json.object();
        response.put("MessageId", messageId);
        return response;
    }

    // ------------------------------------------------------------------------------------------ EventBridge

    private ObjectNode putEvents(JsonNode request) {
        // the request's own limits, checked before any entry is put, as EventBridge refuses the whole request
        JsonNode requested = request.path("Entries");
        if (requested.size() > io.halqe.aws.messaging.PutEventsLimits.MAX_ENTRIES) {
            throw new IllegalArgumentException("1 validation error detected: Value at 'entries' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 10");
        }
        long total = 0;
        List<Long> sizes = new ArrayList<>();
        for (JsonNode entry : requested) {
            JsonNode detail = entry.path("Detail");
            List<String> resources = new java.util.ArrayList<>();
            entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
            long size = io.halqe.aws.messaging.PutEventsLimits.entrySize(entry.path("Source").asText(""),
                    entry.path("DetailType").asText(""), detail.isTextual() ? detail.asText() : detail.toString(),
                    resources, entry.has("Time"));
            sizes.add(size);
            total += size;
        }
        if (total > io.halqe.aws.messaging.PutEventsLimits.MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("Total size of the entries in the request is over the limit.");
        }
        ArrayNode entries = Json.array();
        int failed = 0;
        for (JsonNode entry : request.path("Entries")) {
            LocalEventBus.PutResult result = bus.put(entry);
            ObjectNode out = entries.addObject();
            if (result.eventId() != null) {
                // billed per entry put, in 64 KB chunks
                usage.eventEntry(sizes.get(entries.size() - 1));
                out.put("EventId", result.eventId());
            } else {
                failed++;
                out.put("ErrorCode", result.errorCode());
                out.put("ErrorMessage", result.errorMessage());
                System.out.println("[local] PutEvents entry rejected: " + result.errorMessage());
            }
        }
        ObjectNode response = Json.object();
        response.put("FailedEntryCount", failed);
        response.set("Entries", entries);
        return response;
    }

    // ------------------------------------------------------------------------------------------ SNS

    /** Phones that answered STOP: SNS keeps this list, and so does the local cloud ({@code POST /_local/sms-opt-out}). */
    private final java.util.Set<String> optedOut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    void optOut(String phone) {
        optedOut.add(phone);
    }

    private void snsQuery(HttpExchange exchange, Map<String, String> form) throws IOException {
        String action = form.getOrDefault("Action", "");
        String requestId = UUID.randomUUID().toString();
        if (action.equals("CheckIfPhoneNumberIsOptedOut")) {
            sendXml(exchange, 200, "<CheckIfPhoneNumberIsOptedOutResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                    + "<CheckIfPhoneNumberIsOptedOutResult><isOptedOut>" + optedOut.contains(form.get("phoneNumber"))
                    + "</isOptedOut></CheckIfPhoneNumberIsOptedOutResult><ResponseMetadata><RequestId>" + requestId
                    + "</RequestId></ResponseMetadata></CheckIfPhoneNumberIsOptedOutResponse>");
            return;
        }
        if (!action.equals("Publish")) {
            sendXml(exchange, 400, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>"
                    + "<Type>Sender</Type><Code>InvalidAction</Code><Message>the local cloud does not emulate SNS "
                    + escapeXml(action) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        TreeMap<Integer, String> names = new TreeMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("MessageAttributes.entry.") && key.endsWith(".Name")) {
                names.put(Integer.parseInt(key.split("\\.")[2]), value);
            }
        });
        names.forEach((index, name) -> {
            String prefix = "MessageAttributes.entry." + index + ".Value.";
            String value = form.get(prefix + "StringValue");
            if (value == null && form.containsKey(prefix + "BinaryValue")) {
                value = form.get(prefix + "BinaryValue");
            }
            attributes.put(name, value);
        });
        String messageId = publish(form.get("TopicArn"), form.get("TargetArn"), form.get("PhoneNumber"),
                form.get("Subject"), form.get("Message"), attributes);
        sendXml(exchange, 200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>" + messageId + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + requestId
                + "</RequestId></ResponseMetadata></PublishResponse>");
    }

    private void snsJson(HttpExchange exchange, String action, byte[] body) throws IOException {
        if (action.equals("CheckIfPhoneNumberIsOptedOut")) {
            ObjectNode response = Json.object();
            response.put("isOptedOut", optedOut.contains(Json.parse(body).path("phoneNumber").asText()));
            sendJson(exchange, 200, response, "application/x-amz-json-1.0");
            return;
        }
        if (!action.equals("Publish")) {
            unknown(exchange, "AmazonSimpleNotificationService." + action, exchange.getRequestURI().getPath());
            return;
        }
        JsonNode request = Json.parse(body);
        Map<String, String> attributes = new LinkedHashMap<>();
        request.path("MessageAttributes").properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            attributes.put(entry.getKey(), value.hasNonNull("StringValue") ? value.path("StringValue").asText()
                    : value.path("BinaryValue").asText(null));
        });
        String messageId = publish(request.path("TopicArn").asText(null), request.path("TargetArn").asText(null),
                request.path("PhoneNumber").asText(null), request.path("Subject").asText(null),
                request.path("Message").asText(null), attributes);
        ObjectNode response = Json.object();
        response.put("MessageId", messageId);
        sendJson(exchange, 200, response, "application/x-amz-json-1.0");
    }

    private String publish(String topicArn, String targetArn, String phone, String subject, String message,
                           Map<String, String> attributes) {
        if (message == null) {
            throw new IllegalArgumentException("Publish needs a Message");
        }
        String topic = topicArn != null ? topicArn : targetArn != null ? targetArn : phone;
        String messageId = UUID.randomUUID().toString();
        // billed per publish in 64 KB chunks of the payload: message, subject and attributes
        long bytes = message.getBytes(StandardCharsets.UTF_8).length
                + (subject == null ? 0 : subject.getBytes(StandardCharsets.UTF_8).length)
                + attributes.entrySet().stream().mapToLong(attribute -> attribute.getKey().length()
                + (attribute.getValue() == null ? 0 : attribute.getValue().getBytes(StandardCharsets.UTF_8).length)).sum();
        usage.snsPublish(bytes);
        outbox.add(new Outbox.Notification(messageId, topic, subject, message, attributes, clock.instant()));
        System.out.println("[local] notification to " + topic + ": " + (subject != null ? subject : message));
        return messageId;
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private void unknown(HttpExchange exchange, String target, String path) throws IOException {
        String what = target != null ? target : exchange.getRequestMethod() + " " + path;
        System.out.println("[local] AWS call not emulated: " + what);
        ObjectNode error = Json.object();
        error.put("__type", "UnknownOperationException");
        error.put("message", "the local cloud does not emulate " + what);
        sendJson(exchange, 400, error, "application/x-amz-json-1.1");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        FormEncoding.pairs(body).forEach(pair -> form.put(pair.getKey(), pair.getValue()));
        return form;
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body, String contentType) throws IOException {
        send(exchange, status, body.toString().getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static void sendXml(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8), "text/xml");
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
