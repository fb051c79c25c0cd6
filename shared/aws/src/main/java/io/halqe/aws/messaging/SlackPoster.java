package io.halqe.aws.messaging;

import io.halqe.aws.http.OutboundHttp;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.ChatMessage;
import io.halqe.domain.core.ChatPoster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message as Slack's Block Kit lays it out, posted to an incoming webhook: a header, the fields two by two, the quote
 * as a block quote, a button and a line of context. Every value is escaped for Slack's markup ({@code & < >}), so a
 * customer's words cannot mention @channel or forge a link. The URL is a credential: no error names it.
 */
public final class SlackPoster implements ChatPoster {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Slack's limits: a header's text, a field's text, a section's text. */
    private static final int HEADER = 150;
    private static final int FIELD = 2000;
    private static final int SECTION = 3000;

    private final OutboundHttp http = new OutboundHttp(TIMEOUT);

    @Override
    public void post(String webhookUrl, ChatMessage message) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(TIMEOUT)
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(blocks(message)), StandardCharsets.UTF_8)).build();
        int status;
        try {
            status = http.send(request);
        } catch (IOException e) {
            throw new IllegalStateException("the team's Slack webhook could not be reached: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to Slack", e);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("the team's Slack webhook answered HTTP " + status);
        }
    }

    /** The Block Kit payload: {@code text} is the notification's, the blocks what the channel shows. */
    static Map<String, Object> blocks(ChatMessage message) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", plain(bounded(message.title(), HEADER))));
        if (!message.fields().isEmpty()) {
            blocks.add(Map.of("type", "section", "fields", message.fields().stream()
                    .map(field -> markdown(bounded("*" + escape(field.label()) + "*\n" + escape(field.value()), FIELD)))
                    .limit(10).toList()));
        }
        if (message.quote() != null) {
            blocks.add(Map.of("type", "section", "text", markdown(bounded(quoted(message.quote()), SECTION))));
        }
        if (message.link() != null) {
            blocks.add(Map.of("type", "actions", "elements", List.of(Map.of("type", "button",
                    "text", plain(bounded(message.link().text(), 75)), "url", message.link().url()))));
        }
        if (message.context() != null) {
            blocks.add(Map.of("type", "context", "elements", List.of(markdown(bounded(escape(message.context()),
                    SECTION)))));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", escape(message.text()));
        payload.put("blocks", blocks);
        return payload;
    }

    /** Slack's three characters to escape in any text it reads as markup. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String quoted(String text) {
        // the quote's own marks are Slack's; the customer's words inside are escaped
        return String.join("\n", escape(text).lines().map(line -> "> " + line).toList());
    }

    private static String bounded(String text, int limit) {
        String value = text == null ? "" : text;
        return value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", false);
    }

    private static Map<String, Object> markdown(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }
}
