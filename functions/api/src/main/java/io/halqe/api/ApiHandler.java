package io.halqe.api;

import static io.halqe.aws.runtime.HalqeConfig.required;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.aws.json.Json;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.aws.messaging.BusEvent;
import io.halqe.aws.runtime.Adapters;
import io.halqe.aws.routing.EventRulerWebhookFilter;
import io.halqe.aws.webhooks.WebhookAnnouncements;
import io.halqe.domain.webhooks.ManageWebhooks;
import io.halqe.aws.runtime.Inbound;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.domain.access.ManageApiKeys;
import io.halqe.domain.access.ManageUsers;
import io.halqe.domain.access.Principal;
import io.halqe.domain.access.Scope;
import io.halqe.domain.alerts.AlertSettings;
import io.halqe.domain.alerts.SendTeamDigests;
import io.halqe.domain.announcements.Announce;
import io.halqe.domain.recovery.RequeueParked;
import io.halqe.domain.cases.CloseCase;
import io.halqe.domain.cases.ReportEffectiveness;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;
import io.halqe.domain.customers.ManageCustomers;
import io.halqe.domain.enrichment.Respondents;
import io.halqe.domain.events.CustomerUpserted;
import io.halqe.domain.migration.ImportDelighted;
import io.halqe.domain.outreach.CheckContact;
import io.halqe.domain.privacy.EraseCustomer;
import io.halqe.domain.privacy.ExportCustomer;
import io.halqe.domain.scoring.ForgetResponseCells;
import io.halqe.domain.scoring.ReadEmergingTopics;
import io.halqe.domain.scoring.ReadMetrics;
import io.halqe.domain.survey.ManageSurveys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API ({@code /api/...}, one route group per resource) behind a bearer credential: each route requires one
 * scope ({@link Permissions}), and every change it makes is recorded in the audit log with who made it. Also the
 * CRM's {@code CustomerUpserted} events from the bus, so every write to the customer directory goes through one place.
 */
public final class ApiHandler implements RequestStreamHandler {

    /** Slices of a hundred answers an import writes at once: 5,000 answers in a few round trips, few connections. */
    private static final int IMPORT_WRITES = 4;

    /** The route behind the JWT authorizer (template.yaml), through which signed-in people reach the admin routes. */
    static final String CONSOLE_ROUTE = "ANY /console/api/{proxy+}";

    private final Access access;
    private final Audit audit;
    private final Router routes;
    private final ManageCustomers customers;
    private final EmfMetrics metrics;

    public ApiHandler() {
        this(Adapters.forFunction("HALQE_SURVEYS_TABLE", "HALQE_RESPONSES_TABLE", "HALQE_DIRECTORY_TABLE",
                "HALQE_CASES_TABLE", "HALQE_AGGREGATES_TABLE", "HALQE_OUTREACH_TABLE", "HALQE_LINK_SECRET_ARN",
                "HALQE_SENDER_EMAIL", "HALQE_SES_CONFIGURATION_SET", "HALQE_PUBLIC_BASE_URL", "HALQE_TIME_ZONE", "HALQE_REPORTING_CALENDAR",
                "HALQE_DETRACTOR_CASE_SLA", "HALQE_API_KEY_SHA256", "HALQE_SENDER_NAME", "HALQE_BRAND_LOGO_URL",
                "HALQE_BRAND_COLOR", "HALQE_BRAND_FOOTER", "HALQE_LIMITS_TABLE", "HALQE_SMS_MONTHLY_LIMIT",
                "HALQE_AUDIT_TABLE", "HALQE_PEOPLE_POOL_ID", "HALQE_DEFAULT_OWNER_EMAIL", "HALQE_WEBHOOKS_TABLE",
                "HALQE_WEBHOOK_SCHEMES", "HALQE_METRICS_NAMESPACE"));
    }

    private ApiHandler(Adapters adapters) {
        this(adapters, adapters.metrics("api"));
    }

    private ApiHandler(Adapters adapters, EmfMetrics metrics) {
        this(new Access(AdminKey.fromSha256Hex(required(adapters.config().apiKeySha256(), "apiKeySha256")),
                new ManageApiKeys(adapters.apiKeys()), adapters.teams()),
                new Audit(adapters.auditLog(), adapters.auditPseudonyms()::of), routes(adapters, metrics),
                new ManageCustomers(adapters.customers()), metrics);
    }

    ApiHandler(Access access, Audit audit, Router routes, ManageCustomers customers, EmfMetrics metrics) {
        this.access = access;
        this.audit = audit;
        this.routes = routes;
        this.customers = customers;
        this.metrics = metrics;
    }

    /**
     * Every route of the admin API, wired to AWS. Cases closed are counted, and the emails that tell customers what
     * was done (a closed case's, an announcement's) as {@link Metric#CUSTOMERS_TOLD} as they go out; invitations not.
     */
    static Router routes(Adapters adapters, Metrics metrics) {
        var config = adapters.config();
        var surveys = new ManageSurveys(adapters.surveys());
        var cases = adapters.cases();
        var responses = adapters.responses();
        var mailer = adapters.mailer();
        var telling = metrics.counting(mailer, Metric.CUSTOMERS_TOLD);
        var suppression = adapters.suppression();
        var unsubscribeLinks = adapters.unsubscribeLinks();
        var policies = adapters.contactPolicies();
        var parked = adapters.parkedWork();
        var announce = new Announce(responses, telling, suppression, unsubscribeLinks, config.branding(),
                adapters.customerEmailLedger(), parked);
        return new Router().add(
                new AccessRoutes(new ManageApiKeys(adapters.apiKeys()), adapters.auditLog()),
                new TeamRoutes(new io.halqe.domain.core.ManageTeams(adapters.teams()), SendTeamDigests.previews(
                        adapters.surveys(), adapters.aggregates(), cases, adapters.teams(),
                        // a digest names no default team; it goes to the team's owner, else AlertRecipients
                        new AlertSettings(null, required(config.defaultOwnerEmail(), "defaultOwnerEmail"),
                                config.publicBaseUrl(), config.timeZone(),
                                required(config.reportingCalendar(), "reportingCalendar")))),
                new UserRoutes(new ManageUsers(adapters.users(), new io.halqe.domain.core.ManageTeams(adapters.teams()),
                        adapters.teams())),
                new SurveyRoutes(surveys, new io.halqe.domain.survey.PreviewSurveys(adapters.surveys())),
                new ResponseRoutes(responses, config.timeZone()),
                new ExportRoutes(surveys, new io.halqe.domain.response.ExportResponses(responses, adapters.changeFeed()),
                        config.timeZone()),
                new CustomerRoutes(new ManageCustomers(adapters.customers()), adapters.customers()),
                new MigrationRoutes(new ImportDelighted(adapters.surveys(), responses, adapters.customers(),
                        config.timeZone(), IMPORT_WRITES)),
                new CaseRoutes(cases, new CloseCase(cases, new Respondents(responses, adapters.customers()), telling,
                        suppression, unsubscribeLinks, config.branding(), adapters.customerEmailLedger(),
                        adapters.outreach(), policies::current, metrics),
                        new WebhookAnnouncements(adapters.webhookOutbox())),
                new WebhookRoutes(new ManageWebhooks(adapters.webhooks(), new EventRulerWebhookFilter(),
                        config.webhookSchemes())),
                new RuleRoutes(adapters.routingRules(), adapters.alertRules(), adapters.triggers(), policies),
                new OutreachRoutes(adapters.invitations(), announce, new CheckContact(adapters.contactGate())),
                new SuppressionRoutes(suppression),
                new ParkedRoutes(adapters.outreach(), parked, new RequeueParked(parked, cases, announce)),
                new PrivacyRoutes(new EraseCustomer(adapters.customers(), responses, cases, suppression,
                        List.of(adapters.outreachPersonalData(), adapters.digestPersonalData()),
                        new ForgetResponseCells(adapters.aggregates(), config.timeZone())),
                        new ExportCustomer(adapters.customers(), responses, cases, suppression)),
                new TopicRoutes(surveys, new ReadEmergingTopics(adapters.aggregates(), responses, config.timeZone()),
                        config.timeZone()),
                new ReportRoutes(surveys, new ReadMetrics(adapters.aggregates()), new ReportEffectiveness(cases, responses),
                        config.timeZone(), required(config.reportingCalendar(), "reportingCalendar"),
                        adapters.invitationLinks()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        metrics.around(() -> {
            switch (Inbound.read(input)) {
                case Inbound.Http http -> HttpResponses.write(handle(http.event()), output);
                case Inbound.Bus bus -> upsertFromCrm(bus.event(), StructuredLog.of(context, "api"));
                case Inbound other -> throw Inbound.unexpected("api", other);
            }
        });
    }

    /** A CRM's profile change; an invalid one fails, so after the retries it lands in the DLQ with its reason. */
    private void upsertFromCrm(BusEvent event, StructuredLog log) {
        if (!CustomerUpserted.DETAIL_TYPE.equals(event.detailType())) {
            throw new IllegalArgumentException("the api function takes no " + event.detailType() + " events");
        }
        CustomerUpserted upserted = event.detailAs(CustomerUpserted.class);
        if (upserted.customer() == null) {
            throw new IllegalArgumentException("CustomerUpserted " + event.id() + " carries no customer");
        }
        switch (customers.upsert(upserted.customer(), event.time())) {
            case ManageCustomers.Outcome.Saved saved -> log.info("customer upserted from the bus", Map.of(
                    "customerId", saved.profile().id(), "source", event.source(),
                    "outcome", saved.how().name().toLowerCase(Locale.ROOT)));
            case ManageCustomers.Outcome.Invalid invalid -> throw new IllegalArgumentException("CustomerUpserted "
                    + event.id() + ": " + invalid.problem().describe());
        }
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handle(HttpRequest.of(event), verifiedClaims(event));
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        return handle(request, Map.of());
    }

    /**
     * {@code ANY /console/api/{proxy+}} is the people's way in: API Gateway's JWT authorizer has verified the token
     * and passes its claims; the rest of the path is the admin route. Every other route takes a bearer key.
     */
    private APIGatewayV2HTTPResponse handle(HttpRequest request, Map<String, String> verifiedClaims) {
        Optional<Principal> caller;
        if (CONSOLE_ROUTE.equals(request.routeKey())) {
            caller = access.person(verifiedClaims, request.receivedAt());
            request = new HttpRequest(request.method(), request.path().substring("/console".length()), null, Map.of(),
                    request.query(), request.headers(), request.rawBody(), request.base64Encoded(), request.receivedAt(),
                    request.sourceIp());
        } else {
            caller = access.authenticate(request.header("authorization").orElse(null), request.receivedAt());
        }
        if (caller.isEmpty()) {
            return HttpResponses.withHeaders(HttpResponses.error(401, "unauthorized",
                    "send Authorization: Bearer <key>; the key is unknown, expired or revoked"),
                    Map.of("www-authenticate", "Bearer"));
        }
        Optional<HttpRequest> routed = routes.routed(request);
        if (routed.isEmpty()) {
            return routes.handle(request);
        }
        String routeKey = routed.get().routeKey();
        Scope needed = Permissions.required(routeKey).orElse(Scope.ADMIN);
        if (!caller.get().may(needed)) {
            return HttpResponses.error(403, "forbidden", routeKey + " needs the scope " + needed.wireName());
        }
        HttpRequest attached = Caller.attach(routed.get(), caller.get());
        if (request.method().equals("GET") || Permissions.READS_WITH_A_BODY.contains(routeKey)) {
            return routes.handle(attached);
        }
        // a change: what it changes is read before and after, for the audit log's summary
        Optional<HttpRequest> read = Audit.readOf(attached, routes);
        JsonNode before = read.map(routes::handle).map(Audit::state).orElse(null);
        APIGatewayV2HTTPResponse response = routes.handle(attached);
        if (response.getStatusCode() < 400) {
            // a creation is read where its answer says it lives
            JsonNode after = read.or(() -> Audit.createdAt(attached, response, routes)).map(routes::handle)
                    .map(Audit::state).orElse(null);
            audit.record(caller.get(), routed.get(), response, before, after);
        }
        return response;
    }

    /** The claims of the token API Gateway's JWT authorizer verified for this request; none for any other. */
    private static Map<String, String> verifiedClaims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (!CONSOLE_ROUTE.equals(event.getRouteKey()) || context == null || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return Map.copyOf(context.getAuthorizer().getJwt().getClaims());
    }

    /** The route table, for the test that holds it to the template's HttpApi events. */
    Router routes() {
        return routes;
    }
}
