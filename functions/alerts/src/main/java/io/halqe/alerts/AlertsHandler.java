package io.halqe.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.SlackPoster;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.routing.EventRulerAlertMatcher;
import io.halqe.aws.runtime.Adapters;
import io.halqe.aws.runtime.HalqeConfig;
import io.halqe.aws.runtime.Inbound;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.domain.alerts.AlertSettings;
import io.halqe.domain.alerts.ApplyAlertRules;
import io.halqe.domain.alerts.SendDigests;
import io.halqe.domain.alerts.SendTeamDigests;
import io.halqe.domain.core.CachedTeams;
import io.halqe.domain.core.Metric;
import io.halqe.aws.webhooks.WebhookAnnouncements;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.events.ScoreShifted;
import io.halqe.domain.suppression.RecordEmailFeedback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Three sources: {@code ResponseEnriched} from the bus → the alert rules (cases, emails, SNS, digest entries) and the
 * webhook deliveries subscribers ask for ({@code ScoreShifted}: those only); the
 * hourly schedule → digests of closed days and weeks, and each team's weekly digest; SES bounces and complaints
 * through SNS → the suppression list. Failures propagate: Lambda retries the async invocation, then sends it with
 * the error to the DLQ.
 */
public final class AlertsHandler implements RequestStreamHandler {

    /** Digest claims outlive the two weeks in which a weekly digest can be tried again. */
    private static final Duration DIGEST_CLAIMS_KEPT = Duration.ofDays(35);
    /** Teams' Slack incoming webhooks: immediate alerts and weekly digests. */
    private static final SlackPoster CHAT = new SlackPoster();

    private final ApplyAlertRules alertRules;
    private final SendDigests digests;
    private final SendTeamDigests teamDigests;
    private final RecordEmailFeedback emailFeedback;
    private final EmfMetrics metrics;
    private final WebhookAnnouncements webhooks;
    private final java.util.function.BiPredicate<String, String> stored;

    /** Whether a response is in the Responses table: one repository, built at init, read per event that needs it. */
    private static java.util.function.BiPredicate<String, String> storedIn(io.halqe.domain.response.ResponseRepository responses) {
        return (survey, response) -> responses.find(survey, response).isPresent();
    }

    public AlertsHandler() {
        this(Adapters.forFunction("HALQE_CASES_TABLE", "HALQE_DIRECTORY_TABLE", "HALQE_EVENT_BUS_NAME",
                "HALQE_ALERTS_TOPIC_ARN", "HALQE_SENDER_EMAIL", "HALQE_SES_CONFIGURATION_SET", "HALQE_DEFAULT_TEAM",
                "HALQE_DEFAULT_OWNER_EMAIL", "HALQE_DETRACTOR_CASE_SLA", "HALQE_PUBLIC_BASE_URL", "HALQE_TIME_ZONE", "HALQE_REPORTING_CALENDAR",
                "HALQE_SURVEYS_TABLE", "HALQE_AGGREGATES_TABLE", "HALQE_LIMITS_TABLE", "HALQE_ALERTS_PER_RULE_HOUR",
                "HALQE_RESPONSES_TABLE", "HALQE_METRICS_NAMESPACE", "HALQE_WEBHOOKS_TABLE"));
    }

    private AlertsHandler(Adapters adapters) {
        this(adapters, adapters.metrics("alerts"));
    }

    /** Every email and SNS alert the function sends is counted as it goes out. */
    private AlertsHandler(Adapters adapters, EmfMetrics metrics) {
        this(new ApplyAlertRules(new EventRulerAlertMatcher(adapters.alertRules()::current), adapters.cases(),
                        new CachedTeams(adapters.teams(), Clock.systemUTC()), metrics.counting(adapters.mailer()),
                        metrics.counting(adapters.teamAlerts()),
                        adapters.events(), adapters.ledger(), adapters.digests(), settings(adapters.config()),
                        adapters.alertStorms(), storedIn(adapters.responses()), CHAT),
                new SendDigests(adapters.digests(), metrics.counting(adapters.mailer()),
                        metrics.counting(adapters.teamAlerts()), adapters.ledger(DIGEST_CLAIMS_KEPT),
                        settings(adapters.config()), adapters.counters(), adapters.parkedWork()),
                new SendTeamDigests(adapters.surveys(), adapters.aggregates(), adapters.cases(), adapters.teams(),
                        metrics.counting(adapters.mailer()), adapters.ledger(DIGEST_CLAIMS_KEPT), settings(adapters.config()),
                        CHAT),
                new RecordEmailFeedback(adapters.suppression()), metrics,
                new WebhookAnnouncements(adapters.webhookOutbox()), storedIn(adapters.responses()));
    }

    public AlertsHandler(ApplyAlertRules alertRules, SendDigests digests, SendTeamDigests teamDigests,
                         RecordEmailFeedback emailFeedback, EmfMetrics metrics, WebhookAnnouncements webhooks,
                         java.util.function.BiPredicate<String, String> stored) {
        this.alertRules = alertRules;
        this.webhooks = webhooks;
        this.stored = stored;
        this.digests = digests;
        this.teamDigests = teamDigests;
        this.emailFeedback = emailFeedback;
        this.metrics = metrics;
    }

    private static AlertSettings settings(HalqeConfig config) {
        return new AlertSettings(HalqeConfig.required(config.defaultTeam(), "defaultTeam"),
                HalqeConfig.required(config.defaultOwnerEmail(), "defaultOwnerEmail"), config.publicBaseUrl(),
                config.timeZone(), HalqeConfig.required(config.reportingCalendar(), "reportingCalendar"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        metrics.around(() -> handle(Inbound.read(input), output, StructuredLog.of(context, "alerts")));
    }

    private void handle(Inbound inbound, OutputStream output, StructuredLog log) throws IOException {
        switch (inbound) {
            case Inbound.Sns sns -> {
                for (String message : sns.messages()) {
                    var feedback = SesNotifications.read(message);
                    int suppressed = emailFeedback.record(feedback);
                    log.info("SES " + feedback.type(), Map.of("suppressed", suppressed));
                }
            }
            case Inbound.Schedule schedule -> {
                SendDigests.Sent sent = digests.send(schedule.scheduledTime());
                metrics.countFailures(sent.failures());
                // a failed digest is retried by a later run or parked: the run itself succeeds
                sent.failures().forEach(failure -> log.error("digest failed", Map.of("item", failure.item(),
                        "outcome", failure.outcome()), failure.failure()));
                int teamsSent = teamDigests.send(schedule.scheduledTime());
                log.info("digests sent", Map.of("asOf", schedule.scheduledTime(), "alertDigests", sent.sent(),
                        "failed", sent.failures().size(), "teamDigests", teamsSent));
                Json.MAPPER.writeValue(output, Map.of("digestsSent", sent.sent(), "teamDigestsSent", teamsSent));
            }
            case Inbound.Bus bus when ScoreShifted.DETAIL_TYPE.equals(bus.event().detailType()) -> {
                ScoreShifted shift = bus.event().detailAs(ScoreShifted.class);
                log.info("score shift announced", Map.of("surveyId", shift.surveyId(), "webhooks",
                        webhooks.scoreShifted(shift, bus.event().time())));
            }
            case Inbound.Bus bus -> {
                ResponseEnriched response = bus.event().detailAs(ResponseEnriched.class);
                var outcome = alertRules.handle(response, bus.event().time());
                if (outcome.caseOpened()) {
                    metrics.count(Metric.CASES_OPENED, 1);
                }
                // announced whether this event or an earlier delivery of it opened the case: the message is the same
                int announced = outcome.followUpCase().map(webhooks::caseOpened).orElse(0);
                announced += webhooks.responseEnriched(response, bus.event().time(), stored);
                log.info("alert rules applied", Map.of("surveyId", response.surveyId(), "responseId",
                        response.responseId(), "rules", outcome.rules(), "caseId",
                        outcome.followUpCase().map(c -> c.id()).orElse(""), "webhooks", announced));
            }
            case Inbound.Http http -> throw Inbound.unexpected("alerts", http);
            case Inbound.StreamKeys keys -> throw Inbound.unexpected("alerts", keys);
        }
    }
}
