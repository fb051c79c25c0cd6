package io.halqe.domain.analytics;

import java.util.Locale;

/** Overall sentiment of a comment; on the wire in lower case ({@code positive}, {@code neutral}, {@code negative}). */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sentiment fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
