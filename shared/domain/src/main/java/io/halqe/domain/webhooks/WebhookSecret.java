package io.halqe.domain.webhooks;

import java.time.Instant;

/**
 * A signing secret in the Standard Webhooks form ({@code whsec_} and base64 of its bytes); {@code retiresAt} is null
 * for the current one, and set on a rotated one, which still signs until then so receivers can switch over.
 */
public record WebhookSecret(String value, Instant retiresAt) {

    public boolean signsAt(Instant time) {
        return retiresAt == null || time.isBefore(retiresAt);
    }
}
