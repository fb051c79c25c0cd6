package io.halqe.domain.fakes;

import io.halqe.domain.scoring.ReportingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A reporting calendar whose weeks run Saturday to Friday, as the Persian one's do, and that marks what it writes
 * (days {@code D2026-11-28}, weeks {@code S2026-11-28}), so a test sees which calendar wrote a date.
 */
public final class SaturdayWeeks implements ReportingCalendar {

    @Override
    public String id() {
        return "saturday";
    }

    @Override
    public LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
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
        return "M" + monthStart;
    }

    @Override
    public String formatDate(LocalDate day) {
        return "D" + day;
    }

    @Override
    public String weekLabel(LocalDate weekStart) {
        return "S" + weekStart;
    }
}
