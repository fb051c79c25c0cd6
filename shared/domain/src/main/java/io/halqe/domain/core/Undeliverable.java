package io.halqe.domain.core;

/**
 * A message the provider refused for good (an address SES will not send to, a phone number SNS rejects): retrying it
 * cannot help, so the item is parked at once with this reason instead of being retried.
 */
public final class Undeliverable extends RuntimeException {

    public Undeliverable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
