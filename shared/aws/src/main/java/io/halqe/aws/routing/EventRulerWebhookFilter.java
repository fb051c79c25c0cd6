package io.halqe.aws.routing;

import io.halqe.domain.webhooks.WebhookFilter;
import java.util.Map;

/** A subscription's filter as an EventBridge rule would hold it against the message. */
public final class EventRulerWebhookFilter implements WebhookFilter {

    private final CompiledPatterns patterns = new CompiledPatterns("webhook filter");

    @Override
    public boolean isValid(String pattern) {
        return CompiledPatterns.isValid(pattern);
    }

    @Override
    public boolean matches(String pattern, String messageJson) {
        return !patterns.matching(Map.of("filter", pattern), messageJson).isEmpty();
    }
}
