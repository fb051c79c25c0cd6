package io.halqe.domain.alerts;

import io.halqe.domain.scoring.ReportingCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Who owns what no rule or route names, where links in alert emails point, the zone whose days and weeks the
 * digests cover, and the calendar the teams read dates in.
 */
public record AlertSettings(String defaultTeam, String defaultOwnerEmail, String publicBaseUrl, ZoneId reportingZone,
                            ReportingCalendar calendar) {

    /** Settings for teams that read the Gregorian calendar. */
    public AlertSettings(String defaultTeam, String defaultOwnerEmail, String publicBaseUrl, ZoneId reportingZone) {
        this(defaultTeam, defaultOwnerEmail, publicBaseUrl, reportingZone, ReportingCalendar.GREGORIAN);
    }

    /**
     * A moment as the teams read it: the instant itself in the Gregorian calendar, else its day in the reporting
     * calendar with the local time and zone ({@code 1405-09-10 13:30 Asia/Tehran}).
     */
    public String date(Instant at) {
        if (calendar == ReportingCalendar.GREGORIAN) {
            return at.toString();
        }
        ZonedDateTime local = at.atZone(reportingZone);
        return "%s %02d:%02d %s".formatted(calendar.formatDate(local.toLocalDate()), local.getHour(), local.getMinute(),
                reportingZone.getId());
    }

    public String caseLink(String caseId) {
        return caseLink(publicBaseUrl, caseId);
    }

    /**
     * Where a team member opens a case from an email: the console's page for it, which signs the reader in first
     * (the API's own {@code /api/cases/…} wants a key a browser does not send). None without a public address.
     */
    public static String caseLink(String publicBaseUrl, String caseId) {
        return publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl + "/console/cases/" + caseId;
    }
}
