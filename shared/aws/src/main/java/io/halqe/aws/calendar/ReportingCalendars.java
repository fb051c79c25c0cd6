package io.halqe.aws.calendar;

import com.github.mfathi91.time.PersianDate;
import io.halqe.domain.scoring.ReportingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/** The calendars reports can be bucketed in, by the id {@code calendar=} and the ReportingCalendar parameter use. */
public final class ReportingCalendars {

    /**
     * The Solar Hijri calendar Iran reads months in (1 Farvardin at the March equinox), with weeks from Saturday; its
     * arithmetic is persian-date-time's, checked against a reference conversion of known dates.
     */
    public static final ReportingCalendar PERSIAN = new ReportingCalendar() {
        @Override
        public String id() {
            return "persian";
        }

        @Override
        public LocalDate weekStart(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        }

        @Override
        public LocalDate monthStart(LocalDate day) {
            return firstOfMonth(PersianDate.fromGregorian(day)).toGregorian();
        }

        @Override
        public LocalDate nextMonth(LocalDate monthStart) {
            return firstOfMonth(PersianDate.fromGregorian(monthStart)).plusMonths(1).toGregorian();
        }

        @Override
        public String monthLabel(LocalDate monthStart) {
            return formatDate(monthStart).substring(0, 7);
        }

        /**
         * Weeks numbered within the Solar Hijri year: a week belongs to the year its last day (a Friday) is in, so the
         * week holding Nowruz is the new year's first.
         */
        @Override
        public String weekLabel(LocalDate weekStart) {
            int year = PersianDate.fromGregorian(weekStart.plusDays(6)).getYear();
            LocalDate firstWeek = weekStart(PersianDate.of(year, 1, 1).toGregorian());
            return "%04d-W%02d".formatted(year, ChronoUnit.WEEKS.between(firstWeek, weekStart) + 1);
        }

        @Override
        public String formatDate(LocalDate day) {
            PersianDate persian = PersianDate.fromGregorian(day);
            return "%04d-%02d-%02d".formatted(persian.getYear(), persian.getMonthValue(), persian.getDayOfMonth());
        }
    };

    private static PersianDate firstOfMonth(PersianDate date) {
        return PersianDate.of(date.getYear(), date.getMonthValue(), 1);
    }

    public static final List<ReportingCalendar> ALL = List.of(ReportingCalendar.GREGORIAN, PERSIAN);

    private ReportingCalendars() {
    }

    public static Optional<ReportingCalendar> of(String id) {
        return ALL.stream().filter(calendar -> calendar.id().equals(id)).findFirst();
    }
}
