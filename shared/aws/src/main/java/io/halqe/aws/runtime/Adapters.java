package io.halqe.aws.runtime;

import static io.halqe.aws.runtime.HalqeConfig.required;

import io.halqe.aws.analysis.AnalyzerSettings;
import io.halqe.aws.analysis.BedrockAnalyzer;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoAlertRules;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoChangeFeed;
import io.halqe.aws.dynamo.DynamoContactLog;
import io.halqe.aws.dynamo.DynamoContactPolicies;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoDigestStore;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoRoutingRules;
import io.halqe.aws.dynamo.DynamoSuppressionList;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
import io.halqe.aws.dynamo.DynamoTriggers;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.aws.links.HmacUnsubscribeLinks;
import io.halqe.aws.links.Keyring;
import io.halqe.aws.links.SigningKeys;
import io.halqe.aws.dynamo.DynamoInvitationStore;
import io.halqe.aws.dynamo.ScannedPersonalData;
import io.halqe.aws.dynamo.DynamoRetentionProgress;
import io.halqe.domain.links.InvitationLinks;
import io.halqe.aws.messaging.EventBridgePublisher;
import io.halqe.aws.messaging.SesMailer;
import io.halqe.aws.messaging.SnsNotifier;
import io.halqe.aws.messaging.SnsSmsSender;
import io.halqe.domain.analytics.Analyzer;
import io.halqe.domain.analytics.ModelBudget;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.links.InvitationChannels;
import io.halqe.domain.outreach.ContactGate;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one factory of adapters: each built from {@link HalqeConfig} and SDK clients that are made once, when first
 * needed, at init. A handler's wiring asks for the ports its use cases take and nothing else.
 */
public final class Adapters {

    private final HalqeConfig config;
    private final AwsClients clients;
    private DynamoDbClient dynamo;
    private Keyring keyring;
    private SesMailer mailer;
    private software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient cognito;

    public Adapters(HalqeConfig config, AwsClients clients) {
        this.config = config;
        this.clients = clients;
    }

    /** The adapters of the function being constructed, reading the variables it names. */
    public static Adapters forFunction(String... variables) {
        var env = LambdaEnvironment.current();
        return new Adapters(HalqeConfig.load(env, variables), new AwsClients(env));
    }

    public HalqeConfig config() {
        return config;
    }

    private DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = clients.dynamoDb();
        }
        return dynamo;
    }

    /** The link signing keys, read from Secrets Manager once (so they are in the SnapStart snapshot). */
    private Keyring keyring() {
        if (keyring == null) {
            keyring = SigningKeys.fromSecret(clients.secretsManager(), required(config.linkSecretArn(), "linkSecretArn"));
        }
        return keyring;
    }

    public DynamoSurveyRepository surveys() {
        return new DynamoSurveyRepository(dynamo(), required(config.surveysTable(), "surveysTable"));
    }

    public DynamoResponseRepository responses() {
        return new DynamoResponseRepository(dynamo(), required(config.responsesTable(), "responsesTable"));
    }

    public DynamoAggregateStore aggregates() {
        return new DynamoAggregateStore(dynamo(), required(config.aggregatesTable(), "aggregatesTable"));
    }

    /** Which answers changed, beside the aggregates scoring writes with them. */
    public DynamoChangeFeed changeFeed() {
        return new DynamoChangeFeed(dynamo(), required(config.aggregatesTable(), "aggregatesTable"),
                java.time.Clock.systemUTC());
    }

    public DynamoCaseRepository cases() {
        return new DynamoCaseRepository(dynamo(), casesTable());
    }

    /** Claims of sends and announcements, kept in the Cases table for the ledger's default time. */
    public DynamoDeliveryLedger ledger() {
        return new DynamoDeliveryLedger(dynamo(), casesTable());
    }

    /** Claims of what must never be sent twice (a case's customer email, an announcement per address): kept for good. */
    public DynamoDeliveryLedger customerEmailLedger() {
        return DynamoDeliveryLedger.forever(dynamo(), casesTable());
    }

    public DynamoDeliveryLedger ledger(Duration keepClaims) {
        return new DynamoDeliveryLedger(dynamo(), casesTable(), keepClaims);
    }

    /** The score-shift claims live beside the aggregates they describe. */
    public DynamoDeliveryLedger aggregatesLedger() {
        return new DynamoDeliveryLedger(dynamo(), required(config.aggregatesTable(), "aggregatesTable"));
    }

    public DynamoDigestStore digests() {
        return new DynamoDigestStore(dynamo(), casesTable());
    }

    /** Parked work lives in the Cases table; the responses table is where parked stream records are re-queued. */
    public io.halqe.aws.dynamo.DynamoParkedWork parkedWork() {
        return new io.halqe.aws.dynamo.DynamoParkedWork(dynamo(), casesTable(), config.responsesTable());
    }

    private String casesTable() {
        return required(config.casesTable(), "casesTable");
    }

    public DynamoOutreachRepository outreach() {
        return new DynamoOutreachRepository(dynamo(), outreachTable());
    }

    public DynamoContactLog contactLog() {
        return new DynamoContactLog(dynamo(), outreachTable());
    }

    private String outreachTable() {
        return required(config.outreachTable(), "outreachTable");
    }

    /** A person's outreach, invitations and contact log, found for erasure. */
    public ScannedPersonalData outreachPersonalData() {
        return ScannedPersonalData.outreach(dynamo(), outreachTable());
    }

    /** Digest entries quoting a person's answers, found for erasure. */
    public ScannedPersonalData digestPersonalData() {
        return ScannedPersonalData.digests(dynamo(), casesTable());
    }

    public DynamoRetentionProgress retentionProgress() {
        return new DynamoRetentionProgress(dynamo(), outreachTable());
    }

    public DynamoCustomerDirectory customers() {
        return new DynamoCustomerDirectory(dynamo(), directoryTable());
    }

    public DynamoSuppressionList suppression() {
        return new DynamoSuppressionList(dynamo(), directoryTable());
    }

    /** Anonymous answers per source and minute, as the stack's AnonymousAnswersPerMinute says. */
    public io.halqe.domain.response.SourceLimit sourceLimit() {
        return new io.halqe.domain.response.SourceLimit(counters(), config.anonymousAnswersPerMinute());
    }

    /** The stack's AlertsPerRuleHour, counted in the Limits table, folded into digests of the reporting zone's hours. */
    public io.halqe.domain.alerts.AlertStorms alertStorms() {
        return new io.halqe.domain.alerts.AlertStorms(counters(), config.alertsPerRuleHour(), digests(), config.timeZone());
    }

    /**
     * How comments are read: {@code builtIn}, unless the stack names a Bedrock model (AnalyzerModelId); then that model,
     * within its monthly budget (counted in the Limits table), falling back to {@code builtIn}.
     */
    public Analyzer analyzer(Analyzer builtIn) {
        AnalyzerSettings settings = config.analyzer();
        if (settings == null || !settings.enabled()) {
            return builtIn;
        }
        return new BedrockAnalyzer(clients.bedrockRuntime(settings.timeout()), settings.modelId(),
                new ModelBudget(counters(), settings.monthlyBudgetUsd(), settings.inputUsdPerMillion(),
                        settings.outputUsdPerMillion(), java.time.Clock.systemUTC()), builtIn);
    }

    public io.halqe.aws.dynamo.DynamoCounters counters() {
        return new io.halqe.aws.dynamo.DynamoCounters(dynamo(), required(config.limitsTable(), "limitsTable"));
    }

    public io.halqe.aws.links.SourceHashes sourceHashes() {
        return new io.halqe.aws.links.SourceHashes(keyring());
    }

    /** Keyed hashes of the people the audit log names (a customer id in a path), apart from the source hashes. */
    public io.halqe.aws.links.SourceHashes auditPseudonyms() {
        return new io.halqe.aws.links.SourceHashes(keyring(), "halqe:audit");
    }

    public DynamoContactPolicies contactPolicies() {
        return new DynamoContactPolicies(dynamo(), directoryTable());
    }

    public DynamoRoutingRules routingRules() {
        return new DynamoRoutingRules(dynamo(), directoryTable());
    }

    public DynamoAlertRules alertRules() {
        return new DynamoAlertRules(dynamo(), directoryTable(), config.detractorCaseSla());
    }

    public io.halqe.aws.dynamo.DynamoWebhookStore webhooks() {
        return new io.halqe.aws.dynamo.DynamoWebhookStore(dynamo(), required(config.webhooksTable(), "webhooksTable"));
    }

    /** Who asks for which webhook events, read again at most every 30 s, as the alert rules are. */
    public java.util.function.Supplier<java.util.List<io.halqe.domain.webhooks.WebhookSubscription>> webhookSubscriptions() {
        return Refreshed.every(java.time.Duration.ofSeconds(30), webhooks()::subscriptions);
    }

    public io.halqe.domain.webhooks.EnqueueWebhooks webhookOutbox() {
        return new io.halqe.domain.webhooks.EnqueueWebhooks(webhookSubscriptions(), webhooks(),
                new io.halqe.aws.routing.EventRulerWebhookFilter());
    }

    public DynamoTriggers triggers() {
        return new DynamoTriggers(dynamo(), directoryTable());
    }

    public io.halqe.aws.dynamo.DynamoApiKeys apiKeys() {
        return new io.halqe.aws.dynamo.DynamoApiKeys(dynamo(), directoryTable());
    }

    public io.halqe.aws.dynamo.DynamoAuditLog auditLog() {
        return new io.halqe.aws.dynamo.DynamoAuditLog(dynamo(), required(config.auditTable(), "auditTable"));
    }

    /** The people who sign in: the stack's user pool (PeoplePool), its client made once. */
    public io.halqe.aws.access.CognitoUserDirectory users() {
        if (cognito == null) {
            cognito = clients.cognitoIdentityProvider();
        }
        return new io.halqe.aws.access.CognitoUserDirectory(cognito, required(config.peoplePoolId(), "peoplePoolId"));
    }

    public DynamoTeamDirectory teams() {
        return new DynamoTeamDirectory(dynamo(), directoryTable());
    }

    private String directoryTable() {
        return required(config.directoryTable(), "directoryTable");
    }

    /** What the function counts, as CloudWatch metrics under {@code service} (its name). */
    public io.halqe.aws.metrics.EmfMetrics metrics(String service) {
        return io.halqe.aws.metrics.EmfMetrics.toStandardOutput(required(config.metricsNamespace(), "metricsNamespace"),
                service);
    }

    /** One SES mailer per function: the sender and configuration set are the template's. */
    public SesMailer mailer() {
        if (mailer == null) {
            mailer = new SesMailer(clients.sesV2(), required(config.senderEmail(), "senderEmail"),
                    required(config.sesConfigurationSet(), "sesConfigurationSet"));
        }
        return mailer;
    }

    public SnsNotifier teamAlerts() {
        return new SnsNotifier(clients.sns(), required(config.alertsTopicArn(), "alertsTopicArn"));
    }

    /** SMS through SNS, within the stack's SmsMonthlyLimit. */
    public io.halqe.domain.links.SmsSender sms() {
        return new io.halqe.domain.links.MonthlySmsLimit(new SnsSmsSender(clients.sns()), counters(),
                config.smsMonthlyLimit(), java.time.Clock.systemUTC());
    }

    public EventBridgePublisher events() {
        return new EventBridgePublisher(clients.eventBridge(), required(config.eventBusName(), "eventBusName"));
    }

    /** Survey links naming invitations stored in the Outreach table, signed with the keyring's survey key. */
    public InvitationLinks invitationLinks() {
        return new InvitationLinks(new HmacLinkSigner(keyring()),
                new DynamoInvitationStore(dynamo(), outreachTable(), config.timeZone()));
    }

    public HmacUnsubscribeLinks unsubscribeLinks() {
        return new HmacUnsubscribeLinks(keyring(), publicBaseUrl());
    }

    /** Where links in emails point; a function that sends no links has none. */
    private String publicBaseUrl() {
        return config.publicBaseUrl() == null ? "" : config.publicBaseUrl();
    }

    /** Signed invitations by link, email or SMS, under the contact policy. */
    public CreateInvitation invitations() {
        return new CreateInvitation(surveys(), invitationLinks(), new InvitationChannels(mailer(), sms(), unsubscribeLinks(), config.branding()),
                contactGate(), outreach(), customers(), publicBaseUrl());
    }

    /** The contact policy (stored in the directory) over the contact log, in the reporting zone by default. */
    public ContactGate contactGate() {
        return new ContactGate(contactLog(), suppression(), contactPolicies()::current,
                config.timeZone() == null ? java.time.ZoneOffset.UTC : config.timeZone(), sms()::optedOut);
    }
}
