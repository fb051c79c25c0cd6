package io.halqe.domain.links;

public interface SmsSender {

    /** {@code phone} in E.164. */
    void send(String phone, String message);

    /** Whether the phone answered STOP to an earlier SMS (the carrier's and SNS's opt-out list). */
    default boolean optedOut(String phone) {
        return false;
    }
}
