package io.halqe.domain.webhooks;

/** Event Ruler patterns, held against a message's JSON as an EventBridge rule would hold them. */
public interface WebhookFilter {

    boolean isValid(String pattern);

    boolean matches(String pattern, String messageJson);
}
