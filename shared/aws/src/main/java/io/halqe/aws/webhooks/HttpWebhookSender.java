package io.halqe.aws.webhooks;

import com.standardwebhooks.Webhook;
import io.halqe.aws.http.OutboundHttp;
import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.webhooks.WebhookSecret;
import io.halqe.domain.webhooks.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Posts a message as the Standard Webhooks specification has it: {@code webhook-id}, {@code webhook-timestamp} (epoch
 * seconds) and {@code webhook-signature}, one {@code v1,<signature>} per secret, signed by the specification's own
 * library. Redirects are not followed: a receiver answers where it was registered.
 */
public final class HttpWebhookSender implements WebhookSender {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final OutboundHttp http = new OutboundHttp(CONNECT);

    @Override
    public Result send(String url, String messageId, Instant timestamp, String body, List<WebhookSecret> secrets) {
        long seconds = timestamp.getEpochSecond();
        String signature;
        try {
            signature = secrets.stream().map(secret -> sign(secret, messageId, seconds, body))
                    .collect(Collectors.joining(" "));
        } catch (IllegalStateException e) {
            return new Result(null, ItemFailure.reason(e));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER)
                .header("content-type", "application/json")
                .header("user-agent", "Halqe-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(seconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            int status = http.send(request);
            return new Result(status, status >= 200 && status < 300 ? null : "answered HTTP " + status);
        } catch (IOException e) {
            return new Result(null, ItemFailure.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        }
    }

    private static String sign(WebhookSecret secret, String messageId, long seconds, String body) {
        try {
            return new Webhook(secret.value()).sign(messageId, seconds, body);
        } catch (Exception e) {
            throw new IllegalStateException("a secret of this subscription cannot sign: " + e.getClass().getSimpleName(), e);
        }
    }
}
