package io.halqe.domain.response;

import java.util.Locale;

public enum NpsCategory {
    DETRACTOR, PASSIVE, PROMOTER;

    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("NPS score out of range: " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    /** The form used in events, items and patterns: {@code detractor}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
