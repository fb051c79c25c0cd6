package io.halqe.domain.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * How report days are grouped into weeks and months: the Gregorian calendar with ISO weeks from Monday, or another
 * (the Solar Hijri calendar, weeks from Saturday, is an adapter: its arithmetic comes from a library). Bucket starts
 * are Gregorian dates either way, so the day items are read the same.
 */
public interface ReportingCalendar {

    /** {@code gregorian}, {@code persian}: what {@code calendar=} names. */
    String id();

    LocalDate weekStart(LocalDate day);

    LocalDate monthStart(LocalDate day);

    /** The first day of the month after the one {@code monthStart} begins. */
    LocalDate nextMonth(LocalDate monthStart);

    /** The month {@code monthStart} begins, as this calendar writes it: {@code 2026-11}, {@code 1405-09}. */
    String monthLabel(LocalDate monthStart);

    /** A day as this calendar writes it: {@code 2026-12-01}, {@code 1405-09-10}. */
    String formatDate(LocalDate day);

    /**
     * The week starting {@code weekStart} (a day {@link #weekStart} returned) as this calendar numbers it: the ISO week
     * ({@code 2026-W48}) unless a calendar numbers its own ({@code 1405-W37}).
     */
    default String weekLabel(LocalDate weekStart) {
        return "%d-W%02d".formatted(weekStart.get(IsoFields.WEEK_BASED_YEAR),
                weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    ReportingCalendar GREGORIAN = new ReportingCalendar() {
        @Override
        public String id() {
            return "gregorian";
        }

        @Override
        public LocalDate weekStart(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        public LocalDate monthStart(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        public LocalDate nextMonth(LocalDate monthStart) {
            return monthStart.plusMonths(1);
        }

        @Override
        public String monthLabel(LocalDate monthStart) {
            return monthStart.toString().substring(0, 7);
        }

        @Override
        public String formatDate(LocalDate day) {
            return day.toString();
        }
    };
}
