package io.halqe.domain.core;

import java.util.List;

public interface Mailer {

    void send(Email email);

    /**
     * Every field is final text: callers have escaped what goes into {@code html}. {@code headers} are extra MIME
     * headers (List-Unsubscribe on customer emails); {@code fromName} the sender's display name, none for the address
     * alone.
     */
    record Email(List<String> to, String subject, String text, String html, java.util.Map<String, String> headers,
                 String fromName) {
        public Email {
            to = List.copyOf(to);
            headers = headers == null ? java.util.Map.of() : java.util.Map.copyOf(headers);
        }

        public Email(List<String> to, String subject, String text, String html) {
            this(to, subject, text, html, java.util.Map.of(), null);
        }
    }
}
