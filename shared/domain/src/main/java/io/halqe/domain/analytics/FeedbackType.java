package io.halqe.domain.analytics;

import java.util.Locale;

/** What kind of feedback a comment is; on the wire in lower case ({@code complaint}, {@code bug}, …). */
public enum FeedbackType {
    COMPLAINT, SUGGESTION, PRAISE, BUG, QUESTION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedbackType fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
