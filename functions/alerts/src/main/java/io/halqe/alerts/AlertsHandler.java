package io.halqe.alerts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
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
    }

    public AlertsHandler(AlertOnDetractor alertOnDetractor) {
        this.alertOnDetractor = alertOnDetractor;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        BusEvent event = BusEvent.read(input);
        var opened = alertOnDetractor.handle(event.detailAs(ResponseEnriched.class), event.time());
        context.getLogger().log("case " + opened.id() + " for response " + opened.responseId() + " due " + opened.dueAt());
    }
}
