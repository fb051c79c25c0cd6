package io.halqe.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.BusEvent;
import io.halqe.aws.messaging.EventBridgePublisher;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsNotifier;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.cases.AlertOnDetractor;
import io.halqe.domain.cases.AlertSettings;
import io.halqe.domain.config.Env;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.suppression.RecordEmailFeedback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ResponseEnriched} for a detractor (the template's rule) → a case, the owner's email, the team's SNS alert.
 * Failures propagate: Lambda retries the async invocation, then sends it with the error to the DLQ.
 */
public final class AlertsHandler implements RequestStreamHandler {

    private final AlertOnDetractor alertOnDetractor;
    private final RecordEmailFeedback emailFeedback;

    public AlertsHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        String casesTable = env.require("HALQE_CASES_TABLE");
        this.alertOnDetractor = new AlertOnDetractor(
                new DynamoCaseRepository(dynamo, casesTable),
                new DynamoTeamDirectory(dynamo, env.require("HALQE_DIRECTORY_TABLE")),
                new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"), env.require("HALQE_SES_CONFIGURATION_SET")),
                new SnsNotifier(clients.sns(), env.require("HALQE_ALERTS_TOPIC_ARN")),
                new EventBridgePublisher(clients.eventBridge(), env.require("HALQE_EVENT_BUS_NAME")),
                new DynamoDeliveryLedger(dynamo, casesTable),
                new AlertSettings(env.require("HALQE_DEFAULT_TEAM"), env.require("HALQE_DEFAULT_OWNER_EMAIL"),
                        env.duration("HALQE_DETRACTOR_CASE_SLA", Duration.ofHours(48)),
                        env.optional("HALQE_PUBLIC_BASE_URL").orElse("")));
        this.emailFeedback = new RecordEmailFeedback(new DynamoSuppressionList(dynamo, env.require("HALQE_DIRECTORY_TABLE")));
    }

    public AlertsHandler(AlertOnDetractor alertOnDetractor, RecordEmailFeedback emailFeedback) {
        this.alertOnDetractor = alertOnDetractor;
        this.emailFeedback = emailFeedback;
    }

    /** Two sources: detractors from the bus, and SES's bounces and complaints through SNS. */
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
        BusEvent event = BusEvent.read(new java.io.ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(payload)));
        var opened = alertOnDetractor.handle(event.detailAs(ResponseEnriched.class), event.time());
        context.getLogger().log("case " + opened.id() + " for response " + opened.responseId() + " due " + opened.dueAt());
    }
}
