package io.halqe.domain.webhooks;

import java.time.Instant;
import java.util.List;

/** Signs a message with every secret given (Standard Webhooks) and posts it to the URL. */
public interface WebhookSender {

    /** {@code httpStatus} null when no answer came; a 2xx is a delivery. */
    record Result(Integer httpStatus, String error) {
        public boolean delivered() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    Result send(String url, String messageId, Instant timestamp, String body, List<WebhookSecret> secrets);
}
