package io.halqe.domain.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A digest's period in the reporting zone: a day ({@code 2026-11-23}) or an ISO week ({@code 2026-W48}) for the rules
 * that collect into digests, and an hour ({@code 2026-11-23T14}) for the summary of an alert storm ({@link AlertStorms}).
 */
public enum DigestPeriod {
    HOUR("hour"), DAILY("daily"), WEEKLY("weekly");

    private final String id;

    DigestPeriod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DigestPeriod of(String id) {
        for (DigestPeriod period : values()) {
            if (period.id.equals(id)) {
                return period;
            }
        }
        throw new IllegalArgumentException("no digest period " + id);
    }

    /** The key of the period that {@code at} falls in. */
    public String key(Instant at, ZoneId zone) {
        if (this == HOUR) {
            return at.atZone(zone).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toLocalDateTime().toString()
                    .substring(0, 13);
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        return this == DAILY ? day.toString()
                : "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** When the period containing {@code at} started. */
    public Instant start(Instant at, ZoneId zone) {
        if (this == HOUR) {
            return at.atZone(zone).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate first = this == DAILY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return first.atStartOfDay(zone).toInstant();
    }

    /** When the period before the one containing {@code at} started. */
    public Instant previousStart(Instant at, ZoneId zone) {
        return start(start(at, zone).minusSeconds(1), zone);
    }
}
