package io.halqe.domain.cases;

import java.time.Duration;

/** Defaults of the built-in detractor rule: who owns the case, who is told, how soon it is due. */
public record AlertSettings(String defaultTeam, String defaultOwnerEmail, Duration detractorSla, String publicBaseUrl) {
}
