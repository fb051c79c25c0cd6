package io.halqe.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoAlertRules;
import io.halqe.aws.dynamo.DynamoContactLog;
import io.halqe.aws.dynamo.DynamoContactPolicies;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoRoutingRules;
import io.halqe.aws.dynamo.DynamoTriggers;
import io.halqe.domain.outreach.CheckContact;
import io.halqe.aws.json.Json;
import io.halqe.aws.messaging.BusEvent;
import io.halqe.domain.announcements.Announce;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.ManageCustomers;
import io.halqe.domain.events.CustomerUpserted;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.http.HttpRequests;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.aws.links.HmacUnsubscribeLinks;
import io.halqe.domain.cases.CloseCase;
import io.halqe.aws.links.SigningKeys;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsSmsSender;
import io.halqe.aws.runtime.AwsClients;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.config.Env;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.SurveyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ANY /api/{proxy+}}: the admin API, behind the bearer key; and the CRM's {@code CustomerUpserted} events from
 * the bus, so every write to the customer directory goes through one place. A stream handler, because one function
 * takes both kinds of event: each is read with the same mapping Lambda's runtime would use.
 */
public final class ApiHandler implements RequestStreamHandler {

    private static final ObjectWriter RESPONSE_WRITER = Json.MAPPER.copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL).writer();

    private final AdminKey adminKey;
    private final AdminRoutes routes;
    private final ManageCustomers customers;

    public ApiHandler() {
        Env env = LambdaEnvironment.current();
        AwsClients clients = new AwsClients(env);
        DynamoDbClient dynamo = clients.dynamoDb();
        SurveyRepository surveys = new DynamoSurveyRepository(dynamo, env.require("HALQE_SURVEYS_TABLE"));
        String directoryTable = env.require("HALQE_DIRECTORY_TABLE");
        CustomerDirectory directory = new DynamoCustomerDirectory(dynamo, directoryTable);
        byte[] linkKey = SigningKeys.fromSecret(clients.secretsManager(), env.require("HALQE_LINK_SECRET_ARN"));
        String publicBaseUrl = env.optional("HALQE_PUBLIC_BASE_URL").orElse("");
        String casesTable = env.require("HALQE_CASES_TABLE");
        var mailer = new SesMailer(clients.sesV2(), env.require("HALQE_SENDER_EMAIL"), env.require("HALQE_SES_CONFIGURATION_SET"));
        var suppression = new DynamoSuppressionList(dynamo, directoryTable);
        var responses = new DynamoResponseRepository(dynamo, env.require("HALQE_RESPONSES_TABLE"));
        var cases = new DynamoCaseRepository(dynamo, casesTable);
        var unsubscribeLinks = new HmacUnsubscribeLinks(linkKey, publicBaseUrl);
        var ledger = new DynamoDeliveryLedger(dynamo, casesTable);
        var contactPolicies = new DynamoContactPolicies(dynamo, directoryTable);
        String outreachTable = env.require("HALQE_OUTREACH_TABLE");
        var reportingZone = java.time.ZoneId.of(env.optional("HALQE_TIME_ZONE").orElse("UTC"));
        this.adminKey = AdminKey.fromSha256Hex(env.require("HALQE_API_KEY_SHA256"));
        this.customers = new ManageCustomers(directory);
        this.routes = new AdminRoutes(cases, responses,
                new DynamoAggregateStore(dynamo, env.require("HALQE_AGGREGATES_TABLE")),
                reportingZone,
                new ManageSurveys(surveys),
                new CreateInvitation(surveys, new HmacLinkSigner(linkKey), mailer, new SnsSmsSender(clients.sns()), suppression,
                        publicBaseUrl),
                customers, directory, new AdminRoutes.Settings(new DynamoRoutingRules(dynamo, directoryTable),
                        new DynamoAlertRules(dynamo, directoryTable,
                                env.duration("HALQE_DETRACTOR_CASE_SLA", java.time.Duration.ofHours(48))),
                        new DynamoTriggers(dynamo, directoryTable), contactPolicies),
                new CloseCase(cases, responses, mailer, suppression, unsubscribeLinks, ledger,
                        new DynamoOutreachRepository(dynamo, outreachTable), contactPolicies::current),
                new Announce(responses, mailer, suppression, unsubscribeLinks, ledger),
                new CheckContact(new DynamoContactLog(dynamo, outreachTable), suppression, contactPolicies::current,
                        reportingZone));
    }

    public ApiHandler(AdminKey adminKey, AdminRoutes routes, ManageCustomers customers) {
        this.adminKey = adminKey;
        this.routes = routes;
        this.customers = customers;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        if (event != null && event.has("detail-type")) {
            upsertFromCrm(BusEvent.of(event), context);
            return;
        }
        RESPONSE_WRITER.writeValue(output, handle(Json.MAPPER.treeToValue(event, APIGatewayV2HTTPEvent.class)));
    }

    /** A CRM's profile change; an invalid one fails, so after the retries it lands in the DLQ with its reason. */
    private void upsertFromCrm(BusEvent event, Context context) {
        if (!CustomerUpserted.DETAIL_TYPE.equals(event.detailType())) {
            throw new IllegalArgumentException("the api function takes no " + event.detailType() + " events");
        }
        CustomerUpserted upserted = event.detailAs(CustomerUpserted.class);
        if (upserted.customer() == null) {
            throw new IllegalArgumentException("CustomerUpserted " + event.id() + " carries no customer");
        }
        switch (customers.upsert(upserted.customer(), event.time())) {
            case ManageCustomers.Outcome.Saved saved -> context.getLogger().log("customer " + saved.profile().id()
                    + " from " + event.source() + ": " + saved.how().name().toLowerCase(java.util.Locale.ROOT));
            case ManageCustomers.Outcome.Invalid invalid -> throw new IllegalArgumentException("CustomerUpserted "
                    + event.id() + ": " + invalid.field() + " " + invalid.message());
        }
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        if (!adminKey.authorizes(HttpRequests.header(event, "authorization").orElse(null))) {
            return HttpResponses.withHeaders(HttpResponses.error(401, "unauthorized", "send Authorization: Bearer <admin key>"),
                    java.util.Map.of("www-authenticate", "Bearer"));
        }
        return routes.handle(event);
    }
}
