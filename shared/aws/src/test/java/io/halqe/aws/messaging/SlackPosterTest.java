package io.halqe.aws.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.ChatMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block Kit as posted to an incoming webhook (a receiver on the loopback stands in for Slack). */
class SlackPosterTest {

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer slack;
    private String url;

    @BeforeEach
    void start() throws Exception {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/services/T1/B1/secret-part", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        slack.start();
        url = "http://127.0.0.1:" + slack.getAddress().getPort() + "/services/T1/B1/secret-part";
    }

    @AfterEach
    void stop() {
        slack.stop(0);
    }

    private static ChatMessage alert() {
        return new ChatMessage("Alert: Detractor (2/10)", "Alert: Detractor",
                List.of(new ChatMessage.Field("Score", "2/10"), new ChatMessage.Field("Customer", "Sara <CEO> & co")),
                "<!channel> late again\n<https://evil.example|click>", new ChatMessage.Link("Open the case",
                "https://feedback.example.com/console/cases/case-r1"), "high · r1");
    }

    @Test
    void post_shouldSendBlockKitWithTheCustomersWordsEscaped() throws Exception {
        // WHEN an alert whose comment tries to mention @channel and forge a link is posted
        new SlackPoster().post(url, alert());
        // THEN Slack gets a header, the fields, the comment as a block quote with its markup escaped, a button, context
        JsonNode body = Json.MAPPER.readTree(bodies.getFirst());
        assertThat(body.get("text").asText()).isEqualTo("Alert: Detractor (2/10)");
        JsonNode blocks = body.get("blocks");
        List<String> types = new java.util.ArrayList<>();
        blocks.forEach(block -> types.add(block.get("type").asText()));
        assertThat(types).containsExactly("header", "section", "section", "actions", "context");
        assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("Alert: Detractor");
        assertThat(blocks.get(1).get("fields").get(1).get("text").asText())
                .isEqualTo("*Customer*\nSara &lt;CEO&gt; &amp; co");
        assertThat(blocks.get(2).at("/text/text").asText())
                .isEqualTo("> &lt;!channel&gt; late again\n> &lt;https://evil.example|click&gt;");
        assertThat(blocks.get(3).at("/elements/0/url").asText())
                .isEqualTo("https://feedback.example.com/console/cases/case-r1");
        assertThat(blocks.get(4).at("/elements/0/text").asText()).isEqualTo("high · r1");
    }

    @Test
    void post_shouldFailWithoutNamingTheUrl_whenSlackRefuses() {
        // GIVEN a webhook Slack has revoked
        answer.set(404);
        // WHEN a message is posted THEN it fails (so the ledger gives the send back), and the error keeps the URL out
        assertThatThrownBy(() -> new SlackPoster().post(url, alert()))
                .hasMessageContaining("HTTP 404").hasMessageNotContaining("secret-part");
    }
}
