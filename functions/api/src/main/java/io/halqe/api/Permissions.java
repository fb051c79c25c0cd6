package io.halqe.api;

import static java.util.Map.entry;

import io.halqe.domain.access.Scope;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization in one place: the scope each admin route requires. A route missing here is refused to everyone
 * (and a test holds this table to the router's routes).
 */
final class Permissions {

    static final Map<String, Scope> REQUIRED = Map.ofEntries(
            entry("GET /api/surveys", Scope.SURVEYS_READ),
            entry("POST /api/surveys", Scope.SURVEYS_WRITE),
            entry("GET /api/surveys/{surveyId}", Scope.SURVEYS_READ),
            entry("PUT /api/surveys/{surveyId}", Scope.SURVEYS_WRITE),
            entry("POST /api/surveys/{surveyId}/themes", Scope.SURVEYS_WRITE),
            entry("GET /api/surveys/{surveyId}/versions", Scope.SURVEYS_READ),
            entry("POST /api/surveys/preview", Scope.SURVEYS_WRITE),
            // a survey's own answers, brought from Delighted (its people are only filled in, never overwritten)
            entry("POST /api/surveys/{surveyId}/import/delighted", Scope.SURVEYS_WRITE),
            entry("GET /api/surveys/{surveyId}/responses", Scope.RESPONSES_READ),
            entry("GET /api/surveys/{surveyId}/responses/export", Scope.RESPONSES_READ),
            entry("GET /api/responses/{responseId}", Scope.RESPONSES_READ),
            entry("GET /api/surveys/{surveyId}/metrics", Scope.METRICS_READ),
            entry("GET /api/surveys/{surveyId}/drivers", Scope.METRICS_READ),
            entry("GET /api/surveys/{surveyId}/emerging", Scope.METRICS_READ),
            entry("GET /api/reports/effectiveness", Scope.METRICS_READ),
            entry("GET /api/customers/{customerId}", Scope.CUSTOMERS_READ),
            entry("GET /api/customers/{customerId}/feedback", Scope.CUSTOMERS_READ),
            entry("PUT /api/customers/{customerId}", Scope.CUSTOMERS_WRITE),
            entry("POST /api/customers/import", Scope.CUSTOMERS_WRITE),
            entry("GET /api/suppressions", Scope.CUSTOMERS_READ),
            entry("PUT /api/suppressions", Scope.CUSTOMERS_WRITE),
            entry("DELETE /api/suppressions/{suppressionId}", Scope.CUSTOMERS_WRITE),
            entry("DELETE /api/customers/{customerId}", Scope.PRIVACY_WRITE),
            entry("GET /api/customers/{customerId}/export", Scope.PRIVACY_WRITE),
            entry("GET /api/cases", Scope.CASES_READ),
            entry("GET /api/cases/{caseId}", Scope.CASES_READ),
            entry("PATCH /api/cases/{caseId}", Scope.CASES_WRITE),
            entry("POST /api/cases/{caseId}/notes", Scope.CASES_WRITE),
            entry("POST /api/cases/{caseId}/close", Scope.CASES_WRITE),
            entry("POST /api/cases/{caseId}/close/preview", Scope.CASES_WRITE),
            entry("GET /api/routing", Scope.RULES_READ),
            entry("PUT /api/routing", Scope.RULES_WRITE),
            entry("GET /api/alert-rules", Scope.RULES_READ),
            entry("PUT /api/alert-rules", Scope.RULES_WRITE),
            entry("GET /api/triggers", Scope.RULES_READ),
            entry("PUT /api/triggers", Scope.RULES_WRITE),
            entry("GET /api/contact-policy", Scope.RULES_READ),
            entry("PUT /api/contact-policy", Scope.RULES_WRITE),
            entry("POST /api/invitations", Scope.INVITATIONS_WRITE),
            entry("POST /api/outreach/dry-run", Scope.INVITATIONS_WRITE),
            entry("POST /api/announcements", Scope.ANNOUNCEMENTS_WRITE),
            entry("POST /api/announcements/audience", Scope.ANNOUNCEMENTS_WRITE),
            entry("GET /api/admin/parked", Scope.OPERATIONS_WRITE),
            entry("POST /api/admin/parked/{id}/requeue", Scope.OPERATIONS_WRITE),
            entry("GET /api/teams/{teamId}", Scope.RULES_READ),
            entry("PUT /api/teams/{teamId}", Scope.RULES_WRITE),
            // like the team it is of: the digest lists the team's cases, which a viewer's metrics:read does not see
            entry("GET /api/teams/{teamId}/digest/preview", Scope.RULES_READ),
            entry("GET /api/keys", Scope.ADMIN),
            entry("POST /api/keys", Scope.ADMIN),
            entry("DELETE /api/keys/{keyId}", Scope.ADMIN),
            entry("GET /api/audit", Scope.ADMIN),
            // a subscription sends answers and customers out of the stack
            entry("GET /api/webhooks", Scope.ADMIN),
            entry("POST /api/webhooks", Scope.ADMIN),
            entry("GET /api/webhooks/{webhookId}", Scope.ADMIN),
            entry("DELETE /api/webhooks/{webhookId}", Scope.ADMIN),
            entry("POST /api/webhooks/{webhookId}/secret", Scope.ADMIN),
            entry("GET /api/webhooks/{webhookId}/deliveries", Scope.ADMIN),
            entry("POST /api/webhooks/{webhookId}/deliveries/{deliveryId}/resend", Scope.ADMIN),
            entry("GET /api/users", Scope.ADMIN),
            entry("POST /api/users", Scope.ADMIN),
            entry("GET /api/users/{username}", Scope.ADMIN),
            entry("PUT /api/users/{username}", Scope.ADMIN),
            entry("DELETE /api/users/{username}", Scope.ADMIN));

    /**
     * Routes that take a body but change nothing anyone else sees (a preview, an announcement's audience; a survey
     * draft's preview expires within the hour): not audited, like a GET.
     */
    static final java.util.Set<String> READS_WITH_A_BODY = java.util.Set.of("POST /api/cases/{caseId}/close/preview",
            "POST /api/surveys/preview", "POST /api/announcements/audience");

    private Permissions() {
    }

    static Optional<Scope> required(String routeKey) {
        return Optional.ofNullable(REQUIRED.get(routeKey));
    }
}
