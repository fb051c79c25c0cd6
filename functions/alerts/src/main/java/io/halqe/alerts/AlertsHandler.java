package io.halqe.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoAlertRules;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoDigestStore;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.BusEvent;
import io.halqe.aws.messaging.EventBridgePublisher;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsNotifier;
import io.halqe.aws.routing.EventRulerAlertMatcher;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.alerts.AlertSettings;
import io.halqe.domain.alerts.ApplyAlertRules;
import io.halqe.domain.alerts.SendDigests;
import io.halqe.domain.alerts.SendTeamDigests;
import io.halqe.domain.config.Env;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.suppression.RecordEmailFeedback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Three sources: {@code ResponseEnriched} from the bus → the alert rules (cases, emails, SNS, digest entries); the
 * hourly schedule → digests of closed days and weeks, and each team's weekly digest; SES bounces and complaints through SNS → the suppression list.
 * Failures propagate: Lambda retries the async invocation, then sends it with the error to the DLQ.
 */
public final class AlertsHandler implements RequestStreamHandler {

    /** Digest claims outlive the two weeks in which a weekly digest can be tried again. */
    private static final Duration DIGEST_CLAIMS_KEPT = Duration.ofDays(35);

    private final ApplyAlertRules alertRules;
    private final SendDigests digests;
    private final SendTeamDigests teamDigests;
    private final RecordEmailFeedback emailFeedback;

    public AlertsHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        String casesTable = env.require("HALQE_CASES_TABLE");
        String directoryTable = env.require("HALQE_DIRECTORY_TABLE");
        var mailer = new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"),
                env.require("HALQE_SES_CONFIGURATION_SET"));
        var digestStore = new DynamoDigestStore(dynamo, casesTable);
        var settings = new AlertSettings(env.require("HALQE_DEFAULT_TEAM"), env.require("HALQE_DEFAULT_OWNER_EMAIL"),
                env.optional("HALQE_PUBLIC_BASE_URL").orElse(""),
                ZoneId.of(env.optional("HALQE_TIME_ZONE").orElse("UTC")));
        var rules = new DynamoAlertRules(dynamo, directoryTable,
                env.duration("HALQE_DETRACTOR_CASE_SLA", Duration.ofHours(48)));
        this.alertRules = new ApplyAlertRules(new EventRulerAlertMatcher(rules::current),
                new DynamoCaseRepository(dynamo, casesTable), new DynamoTeamDirectory(dynamo, directoryTable), mailer,
                new SnsNotifier(clients.sns(), env.require("HALQE_ALERTS_TOPIC_ARN")),
                new EventBridgePublisher(clients.eventBridge(), env.require("HALQE_EVENT_BUS_NAME")),
                new DynamoDeliveryLedger(dynamo, casesTable), digestStore, settings);
        var digestLedger = new DynamoDeliveryLedger(dynamo, casesTable, DIGEST_CLAIMS_KEPT);
        var teams = new DynamoTeamDirectory(dynamo, directoryTable);
        this.digests = new SendDigests(digestStore, mailer, digestLedger, settings);
        this.teamDigests = new SendTeamDigests(new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE")),
                new DynamoAggregateStore(dynamo, env.require("HALQE_AGGREGATES_TABLE")),
                new DynamoCaseRepository(dynamo, casesTable), teams, mailer, digestLedger, settings);
        this.emailFeedback = new RecordEmailFeedback(new DynamoSuppressionList(dynamo, directoryTable));
    }

    public AlertsHandler(ApplyAlertRules alertRules, SendDigests digests, SendTeamDigests teamDigests,
                         RecordEmailFeedback emailFeedback) {
        this.alertRules = alertRules;
        this.digests = digests;
        this.teamDigests = teamDigests;
        this.emailFeedback = emailFeedback;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode payload = Json.MAPPER.readTree(input);
        if (payload != null && payload.has("Records")) {
            for (JsonNode record : payload.get("Records")) {
                var feedback = SesNotifications.read(record.path("Sns").path("Message").asText());
                int suppressed = emailFeedback.record(feedback);
                context.getLogger().log("SES " + feedback.type() + ": " + suppressed + " address(es) suppressed");
            }
            return;
        }
        if (payload != null && payload.has("sendDigestsAt")) {
            Instant asOf = instant(payload.get("sendDigestsAt").asText());
            int sent = digests.send(asOf);
            int teamsSent = teamDigests.send(asOf);
            context.getLogger().log("digests as of " + asOf + ": " + sent + " alert digests, " + teamsSent
                    + " weekly team digests sent");
            Json.MAPPER.writeValue(output, java.util.Map.of("digestsSent", sent, "teamDigestsSent", teamsSent));
            return;
        }
        BusEvent event = BusEvent.of(payload);
        ResponseEnriched response = event.detailAs(ResponseEnriched.class);
        var outcome = alertRules.handle(response, event.time());
        context.getLogger().log("response " + response.responseId() + ": rules "
                + outcome.rules() + outcome.followUpCase().map(c -> ", case " + c.id() + " due " + c.dueAt()).orElse(""));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sendDigestsAt is not an ISO-8601 instant: " + text, e);
        }
    }
}
