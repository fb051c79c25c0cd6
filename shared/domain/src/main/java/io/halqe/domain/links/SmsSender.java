package io.halqe.domain.links;

public interface SmsSender {

    /** {@code phone} in E.164. */
    void send(String phone, String message);
}
