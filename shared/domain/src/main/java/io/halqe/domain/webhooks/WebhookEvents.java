package io.halqe.domain.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** The event types a subscription can ask for, and the message id each event is sent under. */
public final class WebhookEvents {

    public static final String RESPONSE_ENRICHED = "response.enriched";
    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_CLOSED = "case.closed";
    public static final String SCORE_SHIFTED = "score.shifted";
    public static final List<String> TYPES = List.of(RESPONSE_ENRICHED, CASE_OPENED, CASE_CLOSED, SCORE_SHIFTED);

    private WebhookEvents() {
    }

    /**
     * {@code msg_} and a digest of the type and the event's own key (a response, a case and when it closed, a shift):
     * an event delivered twice to Halqe is still one message, sent once.
     */
    public static String messageId(String type, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((type + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
