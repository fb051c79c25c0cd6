package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.scoring.ReportingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    private static final Instant DUE = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void date_shouldBeTheDayInTheTeamsCalendarWithLocalTime_whenTheCalendarIsNotGregorian() {
        // GIVEN teams in Tehran reading another calendar (here one that writes days its own way)
        ReportingCalendar other = new ReportingCalendar() {
            public String id() {
                return "other";
            }

            public LocalDate weekStart(LocalDate day) {
                return day;
            }

            public LocalDate monthStart(LocalDate day) {
                return day;
            }

            public LocalDate nextMonth(LocalDate monthStart) {
                return monthStart.plusDays(30);
            }

            public String monthLabel(LocalDate monthStart) {
                return "m";
            }

            public String formatDate(LocalDate day) {
                return "day " + day.getDayOfYear();
            }
        };
        AlertSettings tehran = new AlertSettings("support", "o@example.com", null, ZoneId.of("Asia/Tehran"), other);
        // WHEN a due time is written for them THEN it is that calendar's day, the local time and the zone
        assertThat(tehran.date(DUE)).isEqualTo("day 335 13:30 Asia/Tehran");
        // AND Gregorian readers keep the instant
        assertThat(new AlertSettings("support", "o@example.com", null, ZoneId.of("Asia/Tehran")).date(DUE))
                .isEqualTo("2026-12-01T10:00:00Z");
    }
}
