package io.halqe.domain.alerts;

import io.halqe.domain.scoring.ReportingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A digest's period in the reporting zone: a day ({@code 2026-11-23}) or a week of the reporting calendar
 * ({@code 2026-W48} from Monday, {@code 1405-W37} from Saturday) for the rules that collect into digests, and an hour
 * ({@code 2026-11-23T14}) for the summary of an alert storm ({@link AlertStorms}).
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

    /** The key of the period that {@code at} falls in, weeks as the Gregorian calendar has them (ISO, from Monday). */
    public String key(Instant at, ZoneId zone) {
        return key(at, zone, ReportingCalendar.GREGORIAN);
    }

    /**
     * The key of the period that {@code at} falls in: an hour and a day by their Gregorian date (how digest entries
     * are stored), a week as {@code calendar} numbers it ({@code 2026-W48}, {@code 1405-W37}).
     */
    public String key(Instant at, ZoneId zone, ReportingCalendar calendar) {
        if (this == HOUR) {
            return at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toLocalDateTime().toString().substring(0, 13);
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        return this == DAILY ? day.toString() : calendar.weekLabel(calendar.weekStart(day));
    }

    /** A period's key as {@code calendar}'s readers write it: its date in their calendar ({@code 1405-09-02T14}). */
    public String label(String key, ReportingCalendar calendar) {
        return this == WEEKLY ? key : calendar.formatDate(LocalDate.parse(key.substring(0, 10))) + key.substring(10);
    }

    /** When the period containing {@code at} started, weeks from Monday. */
    public Instant start(Instant at, ZoneId zone) {
        return start(at, zone, ReportingCalendar.GREGORIAN);
    }

    /** When the period containing {@code at} started, weeks from the day {@code calendar} starts them on. */
    public Instant start(Instant at, ZoneId zone, ReportingCalendar calendar) {
        if (this == HOUR) {
            return at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate first = this == DAILY ? day : calendar.weekStart(day);
        return first.atStartOfDay(zone).toInstant();
    }

    /** When the period before the one containing {@code at} started. */
    public Instant previousStart(Instant at, ZoneId zone, ReportingCalendar calendar) {
        return start(start(at, zone, calendar).minusSeconds(1), zone, calendar);
    }
}
