package io.halqe.domain.cases;

import java.util.Locale;

public enum CaseStatus {
    OPEN, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus fromWire(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown case status: " + value, e);
        }
    }
}
