package io.halqe.domain.analytics;

import java.util.Locale;

/** Overall sentiment of a comment; on the wire in lower case ({@code positive}, {@code neutral}, {@code negative}). */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label of a score in [-1, 1]: POSITIVE from 0.15, NEGATIVE to -0.15, NEUTRAL between. */
    public static Sentiment ofScore(double score) {
        return score >= SentimentScorer.POSITIVE_THRESHOLD ? POSITIVE
                : score <= SentimentScorer.NEGATIVE_THRESHOLD ? NEGATIVE : NEUTRAL;
    }

    public static Sentiment fromWire(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
