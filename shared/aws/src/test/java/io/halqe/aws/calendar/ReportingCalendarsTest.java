package io.halqe.aws.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.scoring.ReportingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportingCalendarsTest {

    /**
     * Known Solar Hijri dates and their Gregorian days (the reference: Nowruz falls on the day of the March equinox if
     * it comes before noon in Tehran, else the next; 1 Mehr, 1 Dey, 22 Bahman, 13 Farvardin and the leap day of 1403
     * as Iran's official calendar gives them).
     */
    private static final Map<String, String> REFERENCE = Map.ofEntries(
            Map.entry("1354-01-01", "1975-03-21"), Map.entry("1375-01-01", "1996-03-20"),
            Map.entry("1396-01-01", "2017-03-21"), Map.entry("1397-01-01", "2018-03-21"),
            Map.entry("1398-01-01", "2019-03-21"), Map.entry("1399-01-01", "2020-03-20"),
            Map.entry("1400-01-01", "2021-03-21"), Map.entry("1401-01-01", "2022-03-21"),
            Map.entry("1402-01-01", "2023-03-21"), Map.entry("1403-01-01", "2024-03-20"),
            Map.entry("1404-01-01", "2025-03-21"), Map.entry("1405-01-01", "2026-03-21"),
            Map.entry("1406-01-01", "2027-03-21"), Map.entry("1407-01-01", "2028-03-20"),
            Map.entry("1402-07-01", "2023-09-23"), Map.entry("1403-07-01", "2024-09-22"),
            Map.entry("1404-07-01", "2025-09-23"), Map.entry("1402-10-01", "2023-12-22"),
            Map.entry("1403-10-01", "2024-12-21"), Map.entry("1404-10-01", "2025-12-22"),
            Map.entry("1402-11-22", "2024-02-11"), Map.entry("1403-11-22", "2025-02-10"),
            Map.entry("1403-01-13", "2024-04-01"), Map.entry("1404-01-13", "2025-04-02"),
            Map.entry("1402-12-29", "2024-03-19"), Map.entry("1403-12-30", "2025-03-20"));

    private final ReportingCalendar persian = ReportingCalendars.PERSIAN;

    @Test
    void persianMonths_shouldStartAndEndOnSolarHijriBoundaries_whenCheckedAgainstKnownDates() {
        REFERENCE.forEach((solarHijri, gregorian) -> {
            // GIVEN a known Solar Hijri date and its Gregorian day
            LocalDate day = LocalDate.parse(gregorian);
            int dayOfMonth = Integer.parseInt(solarHijri.substring(8));
            // WHEN its month is bucketed
            LocalDate start = persian.monthStart(day);
            LocalDate next = persian.nextMonth(start);
            // THEN the month starts (dayOfMonth − 1) days before it, under that year and month, and ends the day
            // before the next month's start
            assertThat(start).as(solarHijri).isEqualTo(day.minusDays(dayOfMonth - 1L));
            assertThat(persian.monthLabel(start)).as(gregorian).isEqualTo(solarHijri.substring(0, 7));
            assertThat(persian.monthStart(next.minusDays(1))).isEqualTo(start);
            assertThat(persian.monthStart(next)).isEqualTo(next);
        });
        assertThat(REFERENCE).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void persianMonths_shouldHaveTheirLengths_whenAYearIsWalkedThrough() {
        // GIVEN 1403, a leap year WHEN its months are walked from Nowruz THEN six of 31 days, five of 30, Esfand 30
        LocalDate start = LocalDate.parse("2024-03-20");
        int[] lengths = new int[12];
        for (int month = 0; month < 12; month++) {
            LocalDate next = persian.nextMonth(start);
            lengths[month] = (int) (next.toEpochDay() - start.toEpochDay());
            start = next;
        }
        assertThat(lengths).containsExactly(31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30);
        assertThat(start).isEqualTo(LocalDate.parse("2025-03-21"));
    }

    @Test
    void persianWeeks_shouldStartOnSaturday_andGregorianOnMonday() {
        // GIVEN Wednesday 2026-12-02 WHEN its week is bucketed THEN Saturday 11-28 in the Persian calendar, Monday 11-30
        LocalDate wednesday = LocalDate.parse("2026-12-02");
        assertThat(persian.weekStart(wednesday)).isEqualTo(LocalDate.parse("2026-11-28"))
                .matches(day -> day.getDayOfWeek() == DayOfWeek.SATURDAY);
        assertThat(ReportingCalendar.GREGORIAN.weekStart(wednesday)).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(ReportingCalendars.of("persian")).contains(persian);
        assertThat(persian.formatDate(LocalDate.parse("2024-03-20"))).isEqualTo("1403-01-01");
        assertThat(persian.formatDate(LocalDate.parse("2025-03-20"))).isEqualTo("1403-12-30");
        assertThat(ReportingCalendars.of("julian")).isEmpty();
    }

    @Test
    void persianWeeks_shouldBeNumberedFromTheWeekHoldingNowruz_andGregorianOnesByIso() {
        // GIVEN week starts around Nowruz of 1404 (a Friday), 1405 (a Saturday) and 1406 (a Sunday)
        // WHEN they are labelled THEN the week holding Nowruz is the new year's first, even when it began in Esfand
        assertThat(persian.weekLabel(LocalDate.parse("2025-03-15"))).isEqualTo("1404-W01");
        assertThat(persian.weekLabel(LocalDate.parse("2026-03-14"))).isEqualTo("1404-W53");
        assertThat(persian.weekLabel(LocalDate.parse("2026-03-21"))).isEqualTo("1405-W01");
        assertThat(persian.weekLabel(LocalDate.parse("2026-11-28"))).isEqualTo("1405-W37");
        assertThat(persian.weekLabel(LocalDate.parse("2027-03-13"))).isEqualTo("1405-W52");
        assertThat(persian.weekLabel(LocalDate.parse("2027-03-20"))).isEqualTo("1406-W01");
        // AND the Gregorian calendar keeps ISO weeks
        assertThat(ReportingCalendar.GREGORIAN.weekLabel(LocalDate.parse("2026-11-23"))).isEqualTo("2026-W48");
        assertThat(ReportingCalendar.GREGORIAN.weekLabel(LocalDate.parse("2024-12-30"))).isEqualTo("2025-W01");
    }
}
