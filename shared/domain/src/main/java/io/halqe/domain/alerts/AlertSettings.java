package io.halqe.domain.alerts;

import java.time.ZoneId;

/**
 * Who owns what no rule or route names, where links in alert emails point, and the zone whose days and weeks the
 * digests cover.
 */
public record AlertSettings(String defaultTeam, String defaultOwnerEmail, String publicBaseUrl, ZoneId reportingZone) {

    public String caseLink(String caseId) {
        return publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl + "/api/cases/" + caseId;
    }
}
