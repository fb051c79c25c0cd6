package io.halqe.domain.cases;

import java.util.List;

public interface Mailer {

    void send(Email email);

    /** Every field is final text: callers have escaped what goes into {@code html}. */
    record Email(List<String> to, String subject, String text, String html) {
        public Email {
            to = List.copyOf(to);
        }
    }
}
