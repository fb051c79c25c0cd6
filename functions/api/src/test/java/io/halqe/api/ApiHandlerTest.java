package io.halqe.api;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.demo.DemoSeed;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.http.Router;
import io.halqe.aws.json.Json;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoRoutingRules;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.domain.announcements.Announce;
import io.halqe.domain.customers.ManageCustomers;
import io.halqe.aws.links.HmacLinkSigner;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.links.CreateInvitation;
import io.halqe.domain.links.LinkSigner;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.scoring.DayKey;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import io.halqe.aws.dynamo.ResponseItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiHandlerTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final HmacLinkSigner LINKS = new HmacLinkSigner("api-test-signing-key-0123456789abcdef".getBytes());
    private static final List<Mailer.Email> EMAILS = new ArrayList<>();
    private static final List<String> TEXTS = new ArrayList<>();
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoCustomerDirectory DIRECTORY;
    private static io.halqe.domain.links.InvitationLinks INVITATION_LINKS;
    private static ApiHandler handler;
    private static io.halqe.domain.access.ManageApiKeys KEYS;
    private static io.halqe.aws.dynamo.DynamoAuditLog AUDIT;

    private static io.halqe.aws.dynamo.DynamoContactPolicies POLICIES;
    private static io.halqe.aws.dynamo.DynamoOutreachRepository OUTREACH;
    private static io.halqe.aws.dynamo.DynamoParkedWork PARKED;
    private static io.halqe.aws.dynamo.DynamoWebhookStore WEBHOOKS;
    /** What the handler counts, as the function writes it: one EMF document an invocation that counted something. */
    private static final io.halqe.local.runtime.testing.EmfLines EMF = new io.halqe.local.runtime.testing.EmfLines();
    private static final io.halqe.aws.metrics.EmfMetrics METRICS = new io.halqe.aws.metrics.EmfMetrics("Halqe/test",
            "api", EMF, java.time.Clock.systemUTC());

    @BeforeAll
    static void start() {
        POLICIES = new io.halqe.aws.dynamo.DynamoContactPolicies(db.client(), db.tableName("DirectoryTable"));
        OUTREACH = new io.halqe.aws.dynamo.DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        WEBHOOKS = new io.halqe.aws.dynamo.DynamoWebhookStore(db.client(), db.tableName("WebhooksTable"));
        DemoSeed.seed(db.client(), db.tableName("SurveysTable"), db.tableName("DirectoryTable"));
        var surveys = new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable"));
        DIRECTORY = new DynamoCustomerDirectory(db.client(), db.tableName("DirectoryTable"));
        ManageCustomers customers = new ManageCustomers(DIRECTORY);
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        var responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        var suppression = new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        var unsubscribeLinks = new io.halqe.aws.links.HmacUnsubscribeLinks(
                "api-test-signing-key-0123456789abcdef".getBytes(), "http://localhost:3000");
        var ledger = new io.halqe.aws.dynamo.DynamoDeliveryLedger(db.client(), db.tableName("CasesTable"));
        var tehran = java.time.ZoneId.of("Asia/Tehran");
        PARKED = new io.halqe.aws.dynamo.DynamoParkedWork(db.client(), db.tableName("CasesTable"), db.tableName("ResponsesTable"));
        var announce = new Announce(responses, EMAILS::add, suppression, unsubscribeLinks, io.halqe.domain.survey.Branding.NONE,
                ledger, PARKED);
        INVITATION_LINKS = new io.halqe.domain.links.InvitationLinks(LINKS,
                new io.halqe.aws.dynamo.DynamoInvitationStore(db.client(), db.tableName("OutreachTable")));
        var gate = new io.halqe.domain.outreach.ContactGate(
                new io.halqe.aws.dynamo.DynamoContactLog(db.client(), db.tableName("OutreachTable")), suppression,
                POLICIES::current, tehran);
        KEYS = new io.halqe.domain.access.ManageApiKeys(
                new io.halqe.aws.dynamo.DynamoApiKeys(db.client(), db.tableName("DirectoryTable")));
        AUDIT = new io.halqe.aws.dynamo.DynamoAuditLog(db.client(), db.tableName("AuditTable"));
        handler = new ApiHandler(new Access(AdminKey.fromSha256Hex(AdminKey.sha256Hex("local-dev-key")), KEYS,
                new io.halqe.aws.dynamo.DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable"))),
                new Audit(AUDIT, id -> "h(" + id.length() + ")"),
                new Router().add(
                new AccessRoutes(KEYS, AUDIT),
                new TeamRoutes(new io.halqe.domain.core.ManageTeams(
                        new io.halqe.aws.dynamo.DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable"))),
                        io.halqe.domain.alerts.SendTeamDigests.previews(surveys,
                                new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")), cases,
                                new io.halqe.aws.dynamo.DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable")),
                                new io.halqe.domain.alerts.AlertSettings(null, "alerts@demo.example",
                                        "https://fb.example.com", tehran))),
                new UserRoutes(new io.halqe.domain.access.ManageUsers(new InMemoryUserPool(),
                        new io.halqe.domain.core.ManageTeams(new io.halqe.aws.dynamo.DynamoTeamDirectory(db.client(),
                                db.tableName("DirectoryTable"))),
                        new io.halqe.aws.dynamo.DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable")))),
                new SurveyRoutes(new ManageSurveys(surveys), new io.halqe.domain.survey.PreviewSurveys(surveys)),
                new ResponseRoutes(responses, tehran),
                new ExportRoutes(new ManageSurveys(surveys), new io.halqe.domain.response.ExportResponses(responses,
                        new io.halqe.aws.dynamo.DynamoChangeFeed(db.client(), db.tableName("AggregatesTable"),
                                java.time.Clock.systemUTC())), tehran),
                new CustomerRoutes(customers, DIRECTORY),
                new MigrationRoutes(new io.halqe.domain.migration.ImportDelighted(surveys, responses, DIRECTORY, tehran, 4)),
                new CaseRoutes(cases, new io.halqe.domain.cases.CloseCase(cases,
                        new io.halqe.domain.enrichment.Respondents(responses, DIRECTORY),
                        METRICS.counting(EMAILS::add, io.halqe.domain.core.Metric.CUSTOMERS_TOLD), suppression,
                        unsubscribeLinks, io.halqe.domain.survey.Branding.NONE, ledger, OUTREACH, POLICIES::current,
                        METRICS),
                        new io.halqe.aws.webhooks.WebhookAnnouncements(new io.halqe.domain.webhooks.EnqueueWebhooks(
                                WEBHOOKS::subscriptions, WEBHOOKS, new io.halqe.aws.routing.EventRulerWebhookFilter()))),
                new WebhookRoutes(new io.halqe.domain.webhooks.ManageWebhooks(WEBHOOKS,
                        new io.halqe.aws.routing.EventRulerWebhookFilter(), java.util.Set.of("https"))),
                new RuleRoutes(new DynamoRoutingRules(db.client(), db.tableName("DirectoryTable")),
                        new io.halqe.aws.dynamo.DynamoAlertRules(db.client(), db.tableName("DirectoryTable"),
                                java.time.Duration.ofHours(48)),
                        new io.halqe.aws.dynamo.DynamoTriggers(db.client(), db.tableName("DirectoryTable")), POLICIES),
                new OutreachRoutes(new CreateInvitation(surveys, INVITATION_LINKS, new io.halqe.domain.links.InvitationChannels(
                        EMAILS::add, (phone, text) -> TEXTS.add(phone + " " + text), unsubscribeLinks,
                        io.halqe.domain.survey.Branding.NONE), gate, OUTREACH, DIRECTORY, "http://localhost:3000"),
                        announce, new io.halqe.domain.outreach.CheckContact(gate)),
                new SuppressionRoutes(suppression),
                new ParkedRoutes(OUTREACH, PARKED, new io.halqe.domain.recovery.RequeueParked(PARKED, cases, announce)),
                new PrivacyRoutes(new io.halqe.domain.privacy.EraseCustomer(DIRECTORY, responses, cases, suppression,
                        List.of(io.halqe.aws.dynamo.ScannedPersonalData.outreach(db.client(), db.tableName("OutreachTable")),
                                io.halqe.aws.dynamo.ScannedPersonalData.digests(db.client(), db.tableName("CasesTable"))),
                        new io.halqe.domain.scoring.ForgetResponseCells(
                                new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")), tehran)),
                        new io.halqe.domain.privacy.ExportCustomer(DIRECTORY, responses, cases, suppression)),
                new ReportRoutes(new ManageSurveys(surveys), new io.halqe.domain.scoring.ReadMetrics(
                        new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"))),
                        new io.halqe.domain.cases.ReportEffectiveness(cases, responses), tehran, INVITATION_LINKS),
                new TopicRoutes(new ManageSurveys(surveys), new io.halqe.domain.scoring.ReadEmergingTopics(
                        new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")), responses, tehran),
                        tehran)), customers, METRICS);
        for (int i = 0; i < 3; i++) {
            responses.insertIfAbsent(Response.received("r" + i, "demo-nps", 1,
                    Map.of("nps", new Answer.Score(QuestionType.NPS, 2 + i), "comment", new Answer.Text("<i>slow</i>")),
                    "en", AT.plusSeconds(i)));
        }
        new DynamoCaseRepository(db.client(), db.tableName("CasesTable")).openIfAbsent(new FollowUpCase("case-r0", "r0",
                "demo-nps", CaseStatus.OPEN, "support", "owner@demo.example", "Detractor (2/10)", 2, "<i>slow</i>", "en",
                AT, AT.plusSeconds(172800)));
        var aggregates = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"));
        aggregates.add(new DayKey("demo-nps", java.time.LocalDate.parse("2026-11-23")), null,
                Map.of("all=all", new Tally(3, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        "plan=pro", new Tally(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        "plan=basic", new Tally(2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of(1, "9"));
        aggregates.add(new DayKey("demo-nps", java.time.LocalDate.parse("2026-12-02")), null,
                Map.of("all=all", new Tally(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of(1, "9"));
    }

    private static APIGatewayV2HTTPResponse get(String path, Map<String, String> query, String authorization) {
        return call("GET", path, query, authorization, null);
    }

    private static APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> query, String authorization,
                                                 String body) {
        return callAt(null, method, path, query, authorization, body);
    }

    /** As {@link #call}, received at {@code at} (null: the sample event's time). */
    private static APIGatewayV2HTTPResponse callAt(Instant at, String method, String path, Map<String, String> query,
                                                   String authorization, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("api", "get-open-cases.json"));
        if (at != null) {
            event.getRequestContext().setTimeEpoch(at.toEpochMilli());
        }
        event.getRequestContext().getHttp().setMethod(method);
        event.setRouteKey(null); // the sample's route is GET /api/cases: let the router match the path set below
        event.setBody(body);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setQueryStringParameters(query);
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        event.setHeaders(headers);
        return handler.handle(event);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void sampleRequest_shouldListOpenCases_whenTheKeyIsRight() throws Exception {
        // GIVEN the sample GET /api/cases?status=open with the local key
        // (through the stream entry point, as Lambda delivers it: the raw JSON of the sample)
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        handler.handleRequest(new java.io.FileInputStream(sampleEvent("api", "get-open-cases.json")), out, context("api"));
        var response = Json.MAPPER.readValue(out.toByteArray(), APIGatewayV2HTTPResponse.class);
        // THEN the open case is listed, with its team, owner and due time
        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("items")).allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("open"));
        assertThat(page.get("items")).filteredOn(item -> item.get("caseId").asText().equals("case-r0")).singleElement()
                .satisfies(item -> {
                    assertThat(item.get("team").asText()).isEqualTo("support");
                    assertThat(item.get("dueAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
                });
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void requests_shouldBeRefused_whenTheKeyIsMissingOrWrong() throws Exception {
        var missing = get("/api/cases", null, null);
        var wrong = get("/api/cases", null, "Bearer guess");
        var basic = get("/api/cases", null, "Basic bG9jYWwtZGV2LWtleQ==");
        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(wrong.getStatusCode()).isEqualTo(401);
        assertThat(basic.getStatusCode()).isEqualTo(401);
    }

    @Test
    void responses_shouldBeFoundByIdAndPagedBySurvey() throws Exception {
        var one = get("/api/responses/r1", null, "Bearer local-dev-key");
        assertThat(one.getStatusCode()).isEqualTo(200);
        assertThat(json(one).get("answers").get("nps").asInt()).isEqualTo(3);
        assertThat(json(one).get("answers").get("comment").asText()).isEqualTo("<i>slow</i>");
        var firstPage = get("/api/surveys/demo-nps/responses", Map.of("limit", "2"), "Bearer local-dev-key");
        JsonNode page = json(firstPage);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.at("/items/0/responseId").asText()).isEqualTo("r2");
        var secondPage = get("/api/surveys/demo-nps/responses", Map.of("limit", "2", "cursor", page.get("next").asText()),
                "Bearer local-dev-key");
        assertThat(json(secondPage).get("items")).hasSize(1);
        assertThat(json(secondPage).at("/items/0/responseId").asText()).isEqualTo("r0");
    }

    @Test
    void export_shouldAnswer410_whenItsSincePositionIsOlderThanTheFeedKeepsEntries() throws Exception {
        // GIVEN a position a full export gave 31 days before, and one given a day before
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String stale = ExportRoutes.encode(new ExportRoutes.Position(null, Map.of(), now.minus(java.time.Duration.ofDays(31))));
        String recent = ExportRoutes.encode(new ExportRoutes.Position(null, Map.of(), now.minus(java.time.Duration.ofDays(1))));
        // WHEN incremental pulls go on from each
        var expired = callAt(now, "GET", "/api/surveys/demo-nps/responses/export", Map.of("since", stale),
                "Bearer local-dev-key", null);
        var fresh = callAt(now, "GET", "/api/surveys/demo-nps/responses/export", Map.of("since", recent),
                "Bearer local-dev-key", null);
        // THEN the stale one is told to export in full again, naming since; the other is answered with a new position
        assertThat(expired.getStatusCode()).isEqualTo(410);
        assertThat(json(expired).at("/error/code").asText()).isEqualTo("since_expired");
        assertThat(json(expired).at("/error/field").asText()).isEqualTo("since");
        assertThat(fresh.getStatusCode()).isEqualTo(200);
        assertThat(fresh.getHeaders()).containsKey("halqe-since");
    }

    @Test
    void metrics_shouldSumTheDaysInRange_groupedAndBucketed() throws Exception {
        // all time
        JsonNode all = json(get("/api/surveys/demo-nps/metrics", null, "Bearer local-dev-key"));
        assertThat(all.get("responses").asInt()).isEqualTo(4);
        assertThat(all.get("timeZone").asText()).isEqualTo("Asia/Tehran");
        // November only, by plan, weekly
        JsonNode november = json(get("/api/surveys/demo-nps/metrics",
                Map.of("from", "2026-11-01", "to", "2026-11-30", "groupBy", "plan", "interval", "week"), "Bearer local-dev-key"));
        assertThat(november.get("responses").asInt()).isEqualTo(3);
        assertThat(november.at("/nps/score").asDouble()).isEqualTo(-33.33);
        assertThat(november.at("/nps/detractors").asInt()).isEqualTo(2);
        assertThat(november.at("/nps/ci95")).hasSize(2);
        assertThat(november.at("/nps/lowSample").asBoolean()).isTrue();
        assertThat(november.at("/groups/0/key").asText()).isEqualTo("basic");
        assertThat(november.at("/groups/0/nps/score").asDouble()).isEqualTo(-100.0);
        assertThat(november.at("/groups/1/key").asText()).isEqualTo("pro");
        // every week of the range, from the one November 1 falls in; only the week of the 23rd has answers
        assertThat(november.get("series")).hasSize(6);
        assertThat(november.at("/series/0/start").asText()).isEqualTo("2026-10-26");
        assertThat(november.at("/series/0/responses").asInt()).isZero();
        assertThat(november.at("/series/4/start").asText()).isEqualTo("2026-11-23");
        assertThat(november.at("/series/4/responses").asInt()).isEqualTo(3);
        assertThat(november.at("/csat/n").asInt()).isZero();
        // bad parameters
        assertThat(get("/api/surveys/demo-nps/metrics", Map.of("interval", "year"), "Bearer local-dev-key").getStatusCode())
                .isEqualTo(400);
        assertThat(get("/api/surveys/demo-nps/metrics", Map.of("from", "yesterday"), "Bearer local-dev-key").getStatusCode())
                .isEqualTo(400);
        assertThat(get("/api/surveys/demo-nps/metrics", Map.of("from", "2026-12-01", "to", "2026-11-01"),
                "Bearer local-dev-key").getStatusCode()).isEqualTo(400);
    }

    @Test
    void monthlyMetrics_shouldFollowSolarHijriMonths_whenCalendarIsPersian() throws Exception {
        // GIVEN a survey answered on 2024-03-19 (29 Esfand 1402) and 2024-03-20 (Nowruz, 1 Farvardin 1403)
        String survey = CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"nowruz\"");
        assertThat(call("POST", "/api/surveys", null, KEY, survey).getStatusCode()).isEqualTo(201);
        var aggregates = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"));
        aggregates.add(new DayKey("nowruz", java.time.LocalDate.parse("2024-03-19")), null,
                Map.of("all=all", new Tally(2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of(1, "1"));
        aggregates.add(new DayKey("nowruz", java.time.LocalDate.parse("2024-03-20")), null,
                Map.of("all=all", new Tally(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of(2, "1"));
        Map<String, String> months = Map.of("from", "2024-02-01", "to", "2024-04-30", "interval", "month");
        // WHEN monthly metrics are read in the Persian calendar, and in the Gregorian one
        JsonNode persian = json(get("/api/surveys/nowruz/metrics", withCalendar(months, "persian"), KEY));
        JsonNode gregorian = json(get("/api/surveys/nowruz/metrics", months, KEY));
        // THEN the Persian months are Bahman, Esfand 1402 and Farvardin, Ordibehesht 1403, Nowruz splitting the two days
        assertThat(persian.get("calendar").asText()).isEqualTo("persian");
        assertThat(persian.get("series")).extracting(point -> point.get("start").asText() + " " + point.get("month").asText()
                + " " + point.get("responses").asInt()).containsExactly("2024-01-21 1402-11 0", "2024-02-20 1402-12 2",
                "2024-03-20 1403-01 1", "2024-04-20 1403-02 0");
        // AND the Gregorian months put both days in March
        assertThat(gregorian.get("series")).extracting(point -> point.get("month").asText() + " "
                + point.get("responses").asInt()).containsExactly("2024-02 0", "2024-03 3", "2024-04 0");
        assertThat(get("/api/surveys/nowruz/metrics", withCalendar(months, "julian"), KEY).getStatusCode()).isEqualTo(400);
    }

    private static Map<String, String> withCalendar(Map<String, String> query, String calendar) {
        Map<String, String> with = new HashMap<>(query);
        with.put("calendar", calendar);
        return with;
    }

    @Test
    void badRequests_shouldGet4xxWithAnErrorObject() throws Exception {
        String key = "Bearer local-dev-key";
        assertThat(get("/api/surveys/demo-nps/responses", Map.of("limit", "5000"), key).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/surveys/demo-nps/responses", Map.of("cursor", "garbage"), key).getStatusCode()).isEqualTo(400);
        assertThat(json(get("/api/cases", Map.of("status", "lost"), key)).at("/error/code").asText()).isEqualTo("invalid_query");
        assertThat(get("/api/responses/nope", null, key).getStatusCode()).isEqualTo(404);
        assertThat(get("/api/cases/nope", null, key).getStatusCode()).isEqualTo(404);
        assertThat(get("/api/surveys/nope/metrics", null, key).getStatusCode()).isEqualTo(404);
        assertThat(get("/api/unknown", null, key).getStatusCode()).isEqualTo(404);
    }

    private static final String KEY = "Bearer local-dev-key";
    private static final String CHECKOUT = """
            {"id":"checkout","name":"After checkout","kind":"transactional","defaultLanguage":"en","languages":["en","fa"],
             "questions":[{"id":"csat","type":"csat","required":true,"text":{"en":"How satisfied are you?","fa":"چقدر راضی هستید؟"}},
                          {"id":"plan","type":"single","text":{"en":"Plan"},"options":[{"id":"basic","text":{"en":"Basic"}},
                                                                                  {"id":"pro","text":{"en":"Pro"}}]}],
             "hiddenFields":["orderId"],"touchpoint":"checkout","allowedOrigins":["https://shop.example.com"],
             "thankYou":{"en":"Thanks!"}}""";

    @Test
    void surveys_shouldBeCreatedVersionedListedAndValidated() throws Exception {
        // WHEN a definition is posted, then edited
        var created = call("POST", "/api/surveys", null, KEY, CHECKOUT);
        var duplicate = call("POST", "/api/surveys", null, KEY, CHECKOUT);
        var edited = call("PUT", "/api/surveys/checkout", null, KEY, CHECKOUT.replace("After checkout", "Checkout"));
        // THEN version 1, a 409 for the same id, then version 2 as the current one
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(json(created).get("version").asInt()).isEqualTo(1);
        assertThat(json(created).get("kind").asText()).isEqualTo("transactional");
        assertThat(duplicate.getStatusCode()).isEqualTo(409);
        assertThat(json(edited).get("version").asInt()).isEqualTo(2);
        JsonNode current = json(get("/api/surveys/checkout", null, KEY));
        assertThat(current.get("name").asText()).isEqualTo("Checkout");
        assertThat(current.at("/questions/1/options/1/id").asText()).isEqualTo("pro");
        List<String> ids = new ArrayList<>();
        json(get("/api/surveys", null, KEY)).get("items").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).contains("checkout", "demo-nps");
        // AND invalid definitions get a 400 naming the field
        var noText = call("POST", "/api/surveys", null, KEY, CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"c2\"")
                .replace("{\"en\":\"How satisfied are you?\",", "{"));
        assertThat(noText.getStatusCode()).isEqualTo(400);
        assertThat(json(noText).at("/error/field").asText()).isEqualTo("questions[0].text");
        var wrongType = call("POST", "/api/surveys", null, KEY, "{\"id\":\"c3\",\"questions\":[{\"id\":\"q\",\"required\":{}}]}");
        assertThat(wrongType.getStatusCode()).isEqualTo(400);
        assertThat(json(wrongType).at("/error/field").asText()).isEqualTo("questions[0].required");
        assertThat(call("POST", "/api/surveys", null, KEY, "not json").getStatusCode()).isEqualTo(400);
        assertThat(call("DELETE", "/api/surveys/checkout", null, KEY, null).getStatusCode()).isEqualTo(405);
        assertThat(call("PUT", "/api/surveys/missing", null, KEY, CHECKOUT.replace("checkout", "missing")).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void surveyPreview_shouldGiveTheHostedPagePerLanguage_andPublishNothing_andVersionsListNewestFirst() throws Exception {
        // GIVEN a survey published twice
        call("POST", "/api/surveys", null, KEY, CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"versioned\""));
        call("PUT", "/api/surveys/versioned", null, KEY, CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"versioned\"")
                .replace("After checkout", "Checkout"));
        // WHEN a draft of its next version is previewed
        var preview = call("POST", "/api/surveys/preview", null, KEY, CHECKOUT.replace("\"id\":\"checkout\"",
                "\"id\":\"versioned\"").replace("After checkout", "Draft"));
        // THEN it would be version 3, shown by the hosted page in each of its languages, and nothing is published
        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(201);
        JsonNode shown = json(preview);
        assertThat(shown.get("version").asInt()).isEqualTo(3);
        assertThat(shown.at("/pages/en").asText())
                .isEqualTo("/s/versioned?preview=" + shown.get("previewId").asText() + "&lang=en");
        assertThat(json(get("/api/surveys/versioned", null, KEY)).get("version").asInt()).isEqualTo(2);
        // AND the versions are listed newest first
        var versions = json(get("/api/surveys/versioned/versions", null, KEY)).get("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("name").asText()).isEqualTo("After checkout");
        // AND an invalid draft is named as publishing would name it; an unknown survey has no versions
        var invalid = call("POST", "/api/surveys/preview", null, KEY, "{\"id\":\"c4\",\"questions\":[]}");
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(json(invalid).at("/error/field").asText()).isNotBlank();
        assertThat(get("/api/surveys/nope/versions", null, KEY).getStatusCode()).isEqualTo(404);
    }

    @Test
    void metrics_shouldGiveTheResponseRate_asAnswersThroughInvitationsOverInvitationsSent() throws Exception {
        // GIVEN a survey that sent four invitations on Tehran's 23 November, two of them answered that day
        call("POST", "/api/surveys", null, KEY, CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"rated\""));
        for (int i = 0; i < 4; i++) {
            assertThat(call("POST", "/api/invitations", null, KEY, """
                    {"surveyId":"rated","channel":"link","customer":{"id":"rate-%d"}}""".formatted(i)).getStatusCode())
                    .isEqualTo(201);
        }
        new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")).add(
                new DayKey("rated", java.time.LocalDate.parse("2026-11-23")), null,
                Map.of("all=all", new Tally(3, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        "language=en", new Tally(3, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        io.halqe.domain.scoring.ScoreCells.INVITED, new Tally(2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                Map.of(1, "9"));
        // WHEN its metrics are read for that day, and for the day before
        JsonNode day = json(get("/api/surveys/rated/metrics", Map.of("from", "2026-11-23", "to", "2026-11-23"), KEY));
        JsonNode before = json(get("/api/surveys/rated/metrics", Map.of("from", "2026-11-22", "to", "2026-11-22"), KEY));
        // THEN 2 answered of 4 sent: 50%; the day before sent and answered nothing; a filtered read does not say
        assertThat(day.at("/invitations/sent").asLong()).isEqualTo(4);
        assertThat(day.at("/invitations/answered").asLong()).isEqualTo(2);
        assertThat(day.at("/invitations/responseRate").asDouble()).isEqualTo(50.0);
        assertThat(before.has("invitations")).isFalse();
        assertThat(json(get("/api/surveys/rated/metrics", Map.of("from", "2026-11-23", "to", "2026-11-23",
                "where", "language=en"), KEY)).has("invitations")).isFalse();
    }

    @Test
    void invitations_shouldReturnASignedLinkCarryingTheHiddenFields_andSendByEmailOrSms() throws Exception {
        var link = call("POST", "/api/invitations", null, KEY, """
                {"surveyId":"demo-nps","channel":"link","customer":{"id":"c-1","name":"Sara","locale":"fa-IR"},
                 "hidden":{"plan":"pro","orderId":"A-9"}}""");
        assertThat(link.getStatusCode()).as(link.getBody()).isEqualTo(201);
        JsonNode body = json(link);
        assertThat(body.get("url").asText()).startsWith("http://localhost:3000/s/demo-nps?lang=fa&t=");
        var check = INVITATION_LINKS.open(body.get("token").asText(), AT);
        assertThat(check).isInstanceOfSatisfying(LinkSigner.LinkCheck.Valid.class, valid -> {
            assertThat(valid.invitation().hidden()).containsEntry("plan", "pro").containsEntry("orderId", "A-9");
            assertThat(valid.invitation().customer().id()).isEqualTo("c-1");
        });
        var email = call("POST", "/api/invitations", null, KEY,
                "{\"surveyId\":\"demo-nps\",\"channel\":\"email\",\"customer\":{\"email\":\"sara@example.com\",\"locale\":\"ar\"}}");
        assertThat(email.getStatusCode()).isEqualTo(201);
        assertThat(EMAILS).anySatisfy(sent -> assertThat(sent.to()).containsExactly("sara@example.com"));
        var sms = call("POST", "/api/invitations", null, KEY,
                "{\"surveyId\":\"demo-nps\",\"channel\":\"sms\",\"customer\":{\"phone\":\"+989121234567\"}}");
        assertThat(sms.getStatusCode()).isEqualTo(201);
        assertThat(TEXTS).anySatisfy(text -> assertThat(text).startsWith("+989121234567 "));
        var undeclared = call("POST", "/api/invitations", null, KEY, "{\"surveyId\":\"demo-nps\",\"hidden\":{\"vip\":\"yes\"}}");
        assertThat(undeclared.getStatusCode()).isEqualTo(400);
        assertThat(json(undeclared).at("/error/field").asText()).isEqualTo("hidden.vip");
    }

    @Test
    void whatAGetReturns_shouldBeAcceptedByThePut_evenNowThatUnknownFieldsAreRefused() throws Exception {
        // GIVEN the strict bodies (an unknown field is a 400) WHEN each editable thing is read and written back as read
        for (String[] pair : new String[][] {{"/api/surveys/demo-nps", "/api/surveys/demo-nps"}, {"/api/routing", "/api/routing"},
            {"/api/alert-rules", "/api/alert-rules"}, {"/api/triggers", "/api/triggers"},
            {"/api/contact-policy", "/api/contact-policy"}}) {
            APIGatewayV2HTTPResponse read = get(pair[0], null, KEY);
            assertThat(read.getStatusCode()).as(pair[0]).isEqualTo(200);
            APIGatewayV2HTTPResponse written = send("PUT", pair[1], "application/json", read.getBody());
            // THEN it is accepted: nothing a GET returns is refused as unknown
            assertThat(written.getStatusCode()).as("PUT %s %s", pair[1], written.getBody()).isEqualTo(200);
        }
        // AND a customer read back (with its computed health) is written back as it was read
        assertThat(send("PUT", "/api/customers/round-trip-1", "application/json",
                "{\"id\":\"round-trip-1\",\"name\":\"Roya\",\"email\":\"roya@example.com\"}").getStatusCode()).isIn(200, 201);
        APIGatewayV2HTTPResponse customer = get("/api/customers/round-trip-1", null, KEY);
        assertThat(customer.getBody()).contains("\"health\"");
        APIGatewayV2HTTPResponse again = send("PUT", "/api/customers/round-trip-1", "application/json", customer.getBody());
        assertThat(again.getStatusCode()).as(again.getBody()).isIn(200, 201);
        // (but a field no GET shows is still refused by name)
        assertThat(json(send("PUT", "/api/customers/round-trip-1", "application/json",
                "{\"id\":\"round-trip-1\",\"nmae\":\"Roya\"}")).at("/error/field").asText()).isEqualTo("nmae");
    }

    private static APIGatewayV2HTTPResponse send(String method, String path, String contentType, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("api", "get-open-cases.json"));
        event.getRequestContext().getHttp().setMethod(method);
        event.setRouteKey(null); // the sample's route is GET /api/cases: let the router match the path set below
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setQueryStringParameters(null);
        event.setHeaders(Map.of("authorization", KEY, "content-type", contentType));
        event.setBody(body);
        return handler.handle(event);
    }

    @Test
    void customers_shouldBeStoredReadAndProtectedFromStaleUpdates() throws Exception {
        var created = send("PUT", "/api/customers/c-put", "application/json", """
                {"name":"Ali","email":"ali@example.com","segment":"smb","plan":"basic","lifetimeValue":120.5,
                 "language":"fa","timeZone":"Asia/Tehran","attributes":{"industry":"retail"},"updatedAt":"2026-11-20T00:00:00Z"}""");
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        var newer = send("PUT", "/api/customers/c-put", "application/json",
                "{\"name\":\"Ali R\",\"updatedAt\":\"2026-11-21T00:00:00Z\"}");
        assertThat(newer.getStatusCode()).isEqualTo(200);
        var stale = send("PUT", "/api/customers/c-put", "application/json",
                "{\"name\":\"Old\",\"updatedAt\":\"2026-11-19T00:00:00Z\"}");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        JsonNode ali = json(get("/api/customers/c-put", null, KEY));
        assertThat(ali.get("name").asText()).isEqualTo("Ali R");
        assertThat(ali.get("health").isNull()).isTrue();
        DIRECTORY.appendHistory(Map.of(), List.of(io.halqe.domain.customers.CustomerHealth.next(null, "c-put", "r-h",
                AT, 3, true, 120.5)));
        JsonNode withHealth = json(get("/api/customers/c-put", null, KEY));
        assertThat(withHealth.at("/health/segment").asText()).isEqualTo("detractor");
        assertThat(withHealth.at("/health/score").asInt()).isEqualTo(20);
        var invalid = send("PUT", "/api/customers/c-bad", "application/json", "{\"timeZone\":\"Mars/Olympus\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(json(invalid).at("/error/field").asText()).isEqualTo("timeZone");
        assertThat(get("/api/customers/nobody", null, KEY).getStatusCode()).isEqualTo(404);
    }

    @Test
    void import_shouldStoreGoodRowsAndReportBadOnes_forNdjsonAndCsv() throws Exception {
        var ndjson = send("POST", "/api/customers/import", "application/x-ndjson", """
                {"id":"n-1","name":"One","segment":"enterprise"}
                {"id":"n-2","email":"not-an-email"}
                this is not json
                {"id":"n-3","timeZone":"Europe/Berlin"}
                """);
        JsonNode report = json(ndjson);
        assertThat(ndjson.getStatusCode()).isEqualTo(200);
        assertThat(report.get("rows").asInt()).isEqualTo(4);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(2);
        assertThat(report.at("/errors/0/row").asInt()).isEqualTo(2);
        assertThat(report.at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(report.at("/errors/1/row").asInt()).isEqualTo(3);
        var csv = send("POST", "/api/customers/import", "text/csv", """
                id,name,segment,lifetimeValue,industry
                c-1,"Doe, Jane",enterprise,5000,retail
                c-2,Bob,smb,lots,media
                c-3,سارا,smb,10,
                """);
        JsonNode csvReport = json(csv);
        assertThat(csvReport.get("created").asInt()).isEqualTo(2);
        assertThat(csvReport.at("/errors/0/row").asInt()).isEqualTo(3);
        assertThat(csvReport.at("/errors/0/message").asText()).contains("lifetimeValue");
        JsonNode jane = json(get("/api/customers/c-1", null, KEY));
        assertThat(jane.get("name").asText()).isEqualTo("Doe, Jane");
        assertThat(jane.at("/attributes/industry").asText()).isEqualTo("retail");
        assertThat(json(get("/api/customers/c-3", null, KEY)).get("name").asText()).isEqualTo("سارا");
        assertThat(send("POST", "/api/customers/import", "application/xml", "<x/>").getStatusCode()).isEqualTo(415);
    }

    @Test
    void delightedImport_shouldStoreEachAnswerAtItsDate_reportEachBadRow_andAuditTheImport() throws Exception {
        // GIVEN a Delighted responses export as Excel saves it: a byte-order mark, semicolons, a quoted comment over
        // two lines, Delighted's Unix seconds, and a row whose score is out of range
        String export = "\uFEFFResponse ID;Score;Comment;Email;Name;Created At\r\n"
                + "api-d1;3;\"Late;\r\nagain\";leila@example.com;Leila;1583020800\r\n"
                + "api-d2;12;;omid@example.com;Omid;1583020800\r\n";
        assertThat(send("POST", "/api/surveys", "application/json", """
                {"id":"from-delighted","name":{"en":"From Delighted"},"kind":"relationship","defaultLanguage":"en",
                 "languages":["en"],"questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Recommend?"}},
                 {"id":"why","type":"text","text":{"en":"Why?"}}]}""").getStatusCode()).isEqualTo(201);
        // WHEN it is imported into a survey with an NPS and a text question
        var imported = send("POST", "/api/surveys/from-delighted/import/delighted", "text/csv; charset=utf-8", export);
        // THEN the report counts the rows and names the bad one's field
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        JsonNode report = json(imported);
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("customers").asInt()).isEqualTo(1);
        assertThat(report.at("/errors/0/row").asInt()).isEqualTo(3);
        assertThat(report.at("/errors/0/responseId").asText()).isEqualTo("api-d2");
        assertThat(report.at("/errors/0/field").asText()).isEqualTo("score");
        // AND the answer reads back dated when it was given (2020-03-01), historical, its comment whole
        String id = io.halqe.domain.response.ResponseIds.named("from-delighted", "delighted:api-d1");
        JsonNode answer = json(get("/api/responses/" + id, null, KEY));
        assertThat(answer.get("submittedAt").asText()).isEqualTo("2020-03-01T00:00:00Z");
        assertThat(answer.get("historical").asBoolean()).isTrue();
        assertThat(answer.toString()).contains("Late;\\nagain");
        assertThat(DIRECTORY.find("leila@example.com")).isPresent();
        assertThat(DIRECTORY.find("omid@example.com")).isEmpty();
        // AND the import is in the audit log, which keeps none of the file
        JsonNode audit = json(get("/api/audit", Map.of("target", "/api/surveys/from-delighted/import/delighted"), KEY));
        assertThat(audit.at("/items/0/action").asText()).isEqualTo("POST /api/surveys/{surveyId}/import/delighted");
        assertThat(audit.toString()).doesNotContain("leila", "Late");
        // AND what cannot be imported is refused whole, naming why
        assertThat(send("POST", "/api/surveys/from-delighted/import/delighted", "application/json", "{}")
                .getStatusCode()).isEqualTo(415);
        assertThat(send("POST", "/api/surveys/nope/import/delighted", "text/csv", export).getStatusCode()).isEqualTo(404);
        var people = send("POST", "/api/surveys/from-delighted/import/delighted", "text/csv",
                "email,name\na@example.com,A\n");
        assertThat(people.getStatusCode()).isEqualTo(400);
        assertThat(json(people).at("/error/field").asText()).isEqualTo("responseId");
    }

    @Test
    void routing_shouldBeReadAndReplaced_andBadPatternsRefused() throws Exception {
        JsonNode defaults = json(get("/api/routing", null, KEY));
        assertThat(defaults.get("rules").size()).isGreaterThan(5);
        var replaced = send("PUT", "/api/routing", "application/json",
                "{\"rules\":[{\"id\":\"all-to-cx\",\"pattern\":\"{\\\"npsCategory\\\":[\\\"detractor\\\"]}\",\"team\":\"cx\"}]}");
        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(json(get("/api/routing", null, KEY)).at("/rules/0/team").asText()).isEqualTo("cx");
        var bad = send("PUT", "/api/routing", "application/json",
                "{\"rules\":[{\"id\":\"x\",\"pattern\":\"{\\\"a\\\":1}\",\"team\":\"cx\"}]}");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        var noTarget = send("PUT", "/api/routing", "application/json",
                "{\"rules\":[{\"id\":\"x\",\"pattern\":\"{\\\"a\\\":[1]}\"}]}");
        assertThat(noTarget.getStatusCode()).isEqualTo(400);
        send("PUT", "/api/routing", "application/json", "{\"rules\":" + Json.MAPPER.writeValueAsString(defaults.get("rules")) + "}");
    }

    @Test
    void digestPreview_shouldShowTheTeamsWeekSoFarToItsOwner_andSendNothing_whenTheTeamIsKnown() throws Exception {
        // GIVEN a team with an owner
        call("PUT", "/api/teams/digested", null, KEY, "{\"name\":\"Digested <CX>\",\"ownerEmail\":\"lead@demo.example\"}");
        int emailsBefore = EMAILS.size();
        // WHEN its digest is previewed
        var preview = get("/api/teams/digested/digest/preview", null, KEY);
        // THEN it is this week's digest as the schedule would send it, escaped in HTML, and nothing is sent
        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(200);
        JsonNode shown = json(preview);
        assertThat(shown.get("teamId").asText()).isEqualTo("digested");
        assertThat(shown.get("week").asText()).matches("\\d{4}-W\\d{2}");
        assertThat(shown.at("/to/0").asText()).isEqualTo("lead@demo.example");
        assertThat(shown.get("subject").asText()).isEqualTo("[Halqe] Digested <CX> — week " + shown.get("week").asText());
        assertThat(shown.get("text").asText()).contains("Open cases: ");
        assertThat(shown.get("html").asText()).contains("Digested &lt;CX&gt;").doesNotContain("<CX>");
        assertThat(EMAILS).hasSize(emailsBefore);
        // AND a team nobody knows and no answer names has none
        var unknown = get("/api/teams/nobody-knows/digest/preview", null, KEY);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("team_not_found");
        assertThat(get("/api/teams/" + "x".repeat(65) + "/digest/preview", null, KEY).getStatusCode()).isEqualTo(404);
    }

    @Test
    void teamSlack_shouldNeverBeShownBack_andBeKept_whenAnEditLeavesItOut() throws Exception {
        // GIVEN a team given a Slack incoming webhook and Persian
        var saved = call("PUT", "/api/teams/chatty", null, KEY, "{\"name\":\"Chatty\",\"language\":\"fa\","
                + "\"slackWebhookUrl\":\"https://hooks.slack.com/services/T1/B1/secret-part\"}");
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        // WHEN it is read, and edited by a client that sends only the rest (as the console does)
        assertThat(saved.getBody()).doesNotContain("secret-part").contains("\"slackConfigured\":true");
        call("PUT", "/api/teams/chatty", null, KEY, "{\"name\":\"Chatty team\",\"members\":[]}");
        var read = get("/api/teams/chatty", null, KEY);
        // THEN the URL is never shown, and it and the language are kept
        assertThat(read.getBody()).doesNotContain("secret-part");
        assertThat(json(read).get("slackConfigured").asBoolean()).isTrue();
        assertThat(json(read).get("language").asText()).isEqualTo("fa");
        // AND an empty URL removes it, and a plain-http one or an unknown language is refused naming the field
        call("PUT", "/api/teams/chatty", null, KEY, "{\"slackWebhookUrl\":\"\"}");
        assertThat(json(get("/api/teams/chatty", null, KEY)).get("slackConfigured").asBoolean()).isFalse();
        var plain = call("PUT", "/api/teams/chatty", null, KEY, "{\"slackWebhookUrl\":\"http://hooks.example/x\"}");
        assertThat(plain.getStatusCode()).isEqualTo(400);
        assertThat(json(plain).at("/error/field").asText()).isEqualTo("slackWebhookUrl");
        var klingon = call("PUT", "/api/teams/chatty", null, KEY, "{\"language\":\"tlh\"}");
        assertThat(json(klingon).at("/error/field").asText()).isEqualTo("language");
    }

    @Test
    void alertRules_shouldBeReadAndReplaced_andInvalidRulesRefusedWithTheField() throws Exception {
        // GIVEN the defaults
        JsonNode defaults = json(get("/api/alert-rules", null, KEY));
        assertThat(defaults.at("/rules/0/id").asText()).isEqualTo("detractor");
        assertThat(defaults.at("/rules/0/actions/openCase/dueIn").asText()).isEqualTo("PT48H");
        // WHEN a per-survey rule replaces them THEN it reads back
        var replaced = send("PUT", "/api/alert-rules", "application/json", """
                {"rules":[{"id":"vip","name":"VIP detractor","surveyId":"demo-nps",
                  "pattern":"{\\"customer\\":{\\"segment\\":[\\"enterprise\\"]},\\"npsScore\\":[{\\"numeric\\":[\\"<=\\",6]}]}",
                  "team":"sales","severity":"high",
                  "actions":{"openCase":{"dueIn":"PT4H"},"email":"immediate","emailTo":["owner","vip@example.com"],"sns":true}}]}""");
        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(json(get("/api/alert-rules", null, KEY)).at("/rules/0/actions/emailTo/1").asText())
                .isEqualTo("vip@example.com");
        // AND an invalid pattern or action is a 400 naming the rule, and stores nothing
        var bad = send("PUT", "/api/alert-rules", "application/json",
                "{\"rules\":[{\"id\":\"x\",\"pattern\":\"{\\\"a\\\":1}\",\"severity\":\"low\",\"actions\":{\"sns\":true}}]}");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).at("/error/message").asText()).isEqualTo("rules[0].pattern is not a valid EventBridge pattern");
        assertThat(json(bad).at("/error/field").asText()).isEqualTo("rules[0].pattern");
        var noAction = send("PUT", "/api/alert-rules", "application/json",
                "{\"rules\":[{\"id\":\"x\",\"pattern\":\"{}\",\"severity\":\"low\",\"actions\":{}}]}");
        assertThat(noAction.getStatusCode()).isEqualTo(400);
        assertThat(json(get("/api/alert-rules", null, KEY)).at("/rules/0/id").asText()).isEqualTo("vip");
        send("PUT", "/api/alert-rules", "application/json", "{\"rules\":" + Json.MAPPER.writeValueAsString(defaults.get("rules")) + "}");
    }

    @Test
    void triggersAndContactPolicy_shouldBeReadAndReplaced_andInvalidOnesRefused() throws Exception {
        // the demo seed's rule: OrderDelivered from demo.shop → demo-nps an hour later
        assertThat(json(get("/api/triggers", null, KEY)).at("/triggers/0/id").asText()).isEqualTo("demo-order-delivered");
        String demo = Json.MAPPER.writeValueAsString(java.util.Map.of("triggers",
                List.of(io.halqe.domain.outreach.TouchpointTrigger.demoOrderDelivered())));
        assertThat(send("PUT", "/api/triggers", "application/json", demo).getStatusCode()).isEqualTo(200);
        assertThat(json(get("/api/triggers", null, KEY)).at("/triggers/0/customer/email").asText())
                .isEqualTo("$.detail.customer.email");
        var bad = send("PUT", "/api/triggers", "application/json", demo.replace("PT1H", "an hour"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).at("/error/message").asText()).isEqualTo("triggers[0].delay must be an ISO-8601 duration such as PT1H");
        var none = send("PUT", "/api/triggers", "application/json", "{\"triggers\":[]}");
        assertThat(none.getStatusCode()).isEqualTo(200);
        assertThat(json(get("/api/triggers", null, KEY)).get("triggers").size()).isZero();
        send("PUT", "/api/triggers", "application/json", demo);

        assertThat(json(get("/api/contact-policy", null, KEY)).get("frequencyCap").asText()).isEqualTo("P30D");
        var badPolicy = send("PUT", "/api/contact-policy", "application/json",
                "{\"frequencyCap\":\"P30D\",\"reminderAfter\":\"P3D\",\"maxReminders\":7,\"resurveyAfterClose\":\"P7D\"}");
        assertThat(badPolicy.getStatusCode()).isEqualTo(400);
        assertThat(json(badPolicy).at("/error/field").asText()).isEqualTo("maxReminders");
    }

    @Test
    void dryRun_shouldSayWhoWouldBeContactedAndWhyNot() throws Exception {
        // GIVEN a customer invited five days ago
        new io.halqe.aws.dynamo.DynamoContactLog(db.client(), db.tableName("OutreachTable"))
                .record("id:dry-1", "o-earlier", java.time.Instant.now().minus(java.time.Duration.ofDays(5)));
        var capped = json(send("POST", "/api/outreach/dry-run", "application/json", """
                {"surveyId":"demo-nps","customer":{"id":"dry-1","email":"dry@example.com"},"timeZone":"UTC",
                 "at":"2030-01-01T12:00:00Z"}""".replace("2030-01-01T12:00:00Z", java.time.Instant.now().toString())));
        assertThat(capped.get("wouldContact").asBoolean()).isFalse();
        assertThat(capped.get("reason").asText()).isEqualTo("frequency_cap");
        var fresh = json(send("POST", "/api/outreach/dry-run", "application/json", """
                {"surveyId":"demo-nps","customer":{"id":"dry-2","email":"dry2@example.com"},"timeZone":"UTC",
                 "at":"2026-11-23T12:00:00Z"}"""));
        assertThat(fresh.get("wouldContact").asBoolean()).isTrue();
        var night = json(send("POST", "/api/outreach/dry-run", "application/json", """
                {"surveyId":"demo-nps","customer":{"id":"dry-2","email":"dry2@example.com"},"timeZone":"Asia/Tehran",
                 "at":"2026-11-23T20:00:00Z"}"""));
        assertThat(night.get("reason").asText()).isEqualTo("quiet_hours");
        assertThat(night.get("deferredUntil").asText()).isEqualTo("2026-11-24T05:30:00Z");
        assertThat(send("POST", "/api/outreach/dry-run", "application/json", "{\"customer\":{\"id\":\"x\"}}")
                .getStatusCode()).isEqualTo(400);
    }

    @Test
    void effectivenessReport_shouldAnswerWithFigures_andRefuseABadWindow() throws Exception {
        var report = json(get("/api/reports/effectiveness", Map.of("from", "2026-01-01T00:00:00Z"), KEY));
        assertThat(report.at("/overall/key").asText()).isEqualTo("all");
        assertThat(report.has("byTeam")).isTrue();
        assertThat(report.has("byTheme")).isTrue();
        assertThat(get("/api/reports/effectiveness", Map.of("from", "yesterday"), KEY).getStatusCode()).isEqualTo(400);
    }

    @Test
    void sampleCrmEvent_shouldUpsertTheCustomer_onceAndNotBackwards() throws Exception {
        // GIVEN the sample CustomerUpserted from a CRM, delivered twice
        for (int i = 0; i < 2; i++) {
            handler.handleRequest(new java.io.FileInputStream(sampleEvent("api", "customer-upserted.json")),
                    new java.io.ByteArrayOutputStream(), context("api"));
        }
        // THEN the profile is stored as sent
        var stored = DIRECTORY.find("cust-42").orElseThrow();
        assertThat(stored.segment()).isEqualTo("enterprise");
        assertThat(stored.timeZone()).isEqualTo("Asia/Tehran");
        assertThat(stored.attributes()).containsEntry("seats", "120");
        // AND an invalid one fails (so it is retried and dead-lettered with its reason)
        String invalid = "{\"version\":\"0\",\"id\":\"e\",\"detail-type\":\"CustomerUpserted\",\"source\":\"crm\","
                + "\"time\":\"2026-11-23T09:00:00Z\",\"detail\":{\"version\":\"1\",\"customer\":{\"id\":\"bad id!\"}}}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handler.handleRequest(
                new java.io.ByteArrayInputStream(invalid.getBytes()), new java.io.ByteArrayOutputStream(), context("api")))
                .hasMessageContaining("id");
    }

    @Test
    void close_shouldCloseTheCase_andAnswer4xxForBadRequests() throws Exception {
        new DynamoCaseRepository(db.client(), db.tableName("CasesTable")).openIfAbsent(new FollowUpCase("case-close-me", "r1",
                "demo-nps", CaseStatus.OPEN, "support", "owner@demo.example", "Detractor (3/10)", 3, null, "en", AT,
                AT.plusSeconds(172800)));
        var closed = send("POST", "/api/cases/case-close-me/close", "application/json",
                "{\"resolution\":\"Called the customer\",\"notifyCustomer\":false}");
        assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(200);
        assertThat(json(closed).get("status").asText()).isEqualTo("closed");
        assertThat(json(closed).get("customerNotified").asBoolean()).isFalse();
        assertThat(json(get("/api/cases/case-close-me", null, KEY)).get("status").asText()).isEqualTo("closed");
        assertThat(send("POST", "/api/cases/case-close-me/close", "application/json", "{\"notifyCustomer\":true}").getStatusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/api/cases/nope/close", "application/json", "{\"resolution\":\"x\"}").getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void close_shouldCountTheCaseClosedOnce_whenTheFunctionIsInvokedTwiceWithIt() throws Exception {
        // GIVEN an open case whose answer has no customer address, and nothing counted yet
        new DynamoCaseRepository(db.client(), db.tableName("CasesTable")).openIfAbsent(new FollowUpCase("case-count-me",
                "r2", "demo-nps", CaseStatus.OPEN, "support", "owner@demo.example", "Detractor (4/10)", 4, null, "en", AT,
                AT.plusSeconds(172800)));
        METRICS.flush();
        EMF.clear();
        String close = java.nio.file.Files.readString(java.nio.file.Path.of(sampleEvent("api", "close-case.json")))
                .replace("case-demo-nps.7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "case-count-me");
        // WHEN the function is invoked with the sample close asking to tell the customer, twice (a client's retry)
        List<JsonNode> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            var out = new java.io.ByteArrayOutputStream();
            handler.handleRequest(new java.io.ByteArrayInputStream(close.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    out, context("api"));
            answers.add(Json.MAPPER.readTree(out.toByteArray()));
        }
        // THEN both answer 200 with the case closed and nobody told (no address)
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
            JsonNode body = Json.MAPPER.readTree(answer.path("body").asText());
            assertThat(body.path("status").asText()).isEqualTo("closed");
            assertThat(body.path("customerNotified").asBoolean()).isFalse();
        });
        // AND the first invocation wrote one EMF line counting one case closed, the retry none
        assertThat(EMF.documents()).singleElement().satisfies(emf -> {
            assertThat(emf.member("Service")).isEqualTo("api");
            assertThat(emf.values()).containsOnly(Map.entry("CasesClosed", 1.0));
        });
    }

    @Test
    void announcements_shouldTellMatchingCustomersOnce_andSkipTheUnsubscribed() throws Exception {
        // GIVEN enriched feedback on delivery from two customers (one answered twice), one of them unsubscribed, and one on price
        var responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        enrichedAnswer(responses, "ann-1", "leila@example.com", "fa", List.of("delivery"));
        enrichedAnswer(responses, "ann-2", "leila@example.com", "fa", List.of("delivery", "price"));
        enrichedAnswer(responses, "ann-3", "gone@example.com", "en", List.of("delivery"));
        enrichedAnswer(responses, "ann-4", "price@example.com", "en", List.of("price"));
        new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"))
                .suppress("gone@example.com", "unsubscribed", AT);
        EMAILS.clear();
        String body = """
                {"surveyId":"announce-survey","theme":"delivery","message":"Same-day delivery is live.",
                 "messages":{"fa":"ارسال همان‌روز فعال شد."}}""";

        // WHEN its audience is asked for first, then it is sent twice
        var audience = send("POST", "/api/announcements/audience", "application/json", body);
        assertThat(EMAILS).isEmpty();
        var first = send("POST", "/api/announcements", "application/json", body);
        var again = send("POST", "/api/announcements", "application/json", body);
        var audienceAfter = send("POST", "/api/announcements/audience", "application/json", body);

        // THEN the audience named whom the send then reached, and after it, that they were told
        assertThat(audience.getStatusCode()).as(audience.getBody()).isEqualTo(200);
        assertThat(json(audience)).isEqualTo(Json.MAPPER.readTree("""
                {"matchedResponses":3,"customers":2,"toNotify":1,"byLanguage":{"fa":1},"withoutEmail":0,
                 "suppressed":1,"alreadyNotified":0}"""));
        assertThat(json(audienceAfter).get("alreadyNotified").asInt()).isEqualTo(1);
        assertThat(json(audienceAfter).get("toNotify").asInt()).isZero();
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(json(first).get("matchedResponses").asInt()).isEqualTo(3);
        assertThat(json(first).get("notified").asInt()).isEqualTo(1);
        assertThat(json(first).get("suppressed").asInt()).isEqualTo(1);
        assertThat(json(again).get("notified").asInt()).isZero();
        assertThat(json(again).get("alreadyNotified").asInt()).isEqualTo(1);
        assertThat(EMAILS).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("leila@example.com");
            assertThat(email.html()).contains("dir=\"rtl\"", "ارسال همان‌روز فعال شد.", "http://localhost:3000/u/");
        });
        var invalid = send("POST", "/api/announcements", "application/json", "{\"surveyId\":\"announce-survey\",\"message\":\"x\"}");
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(json(invalid).at("/error/code").asText()).isEqualTo("invalid_announcement");
        var invalidAudience = send("POST", "/api/announcements/audience", "application/json", "{\"theme\":\"delivery\"}");
        assertThat(invalidAudience.getStatusCode()).isEqualTo(400);
        assertThat(json(invalidAudience).at("/error/field").asText()).isEqualTo("surveyId");
        assertThat(send("GET", "/api/announcements", "application/json", null).getStatusCode()).isEqualTo(405);
    }

    private static void enrichedAnswer(DynamoResponseRepository responses, String id, String email, String language,
                                       List<String> themes) {
        var customer = new io.halqe.domain.customers.CustomerProfile("c-" + id, "Name", email, null, null, null, null, null,
                null, language, null, Map.of(), AT);
        responses.insertIfAbsent(new Response(id, "announce-survey", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 5)),
                language, AT, io.halqe.domain.response.ResponseStatus.ENRICHED, new io.halqe.domain.response.Enrichment(5,
                io.halqe.domain.response.NpsCategory.DETRACTOR, "late", language, 1, "negative", -0.5, themes, "complaint",
                List.of(), List.of(), customer, List.of("support"), List.of(), null, AT), Map.of(), "c-" + id, null, false));
    }

    @Test
    void cases_shouldBePatchedAnnotatedAndFiltered() throws Exception {
        new DynamoCaseRepository(db.client(), db.tableName("CasesTable")).openIfAbsent(new FollowUpCase("case-work", "r2",
                "demo-nps", CaseStatus.OPEN, "support", "owner@demo.example", "Detractor (4/10)", 4, null, "en", AT,
                AT.plusSeconds(172800)));
        var patched = send("PATCH", "/api/cases/case-work", "application/json", """
                {"status":"acknowledged","team":"billing","tags":["refund"],"rootCause":"double charge",
                 "compensation":{"type":"discount_code","value":"SORRY10"}}""");
        assertThat(patched.getStatusCode()).as(patched.getBody()).isEqualTo(200);
        assertThat(json(patched).get("status").asText()).isEqualTo("acknowledged");
        assertThat(json(patched).at("/compensation/value").asText()).isEqualTo("SORRY10");
        var noted = send("POST", "/api/cases/case-work/notes", "application/json", "{\"author\":\"ali\",\"text\":\"Refund sent\"}");
        assertThat(json(noted).at("/notes/0/text").asText()).isEqualTo("Refund sent");
        // the note's author is who sent it, not what the body claims
        assertThat(json(noted).at("/notes/0/author").asText()).isEqualTo("bootstrap");
        assertThat(send("PATCH", "/api/cases/case-work", "application/json", "{\"status\":\"open\"}").getStatusCode())
                .isEqualTo(400);
        JsonNode billing = json(get("/api/cases", Map.of("status", "acknowledged", "team", "billing"), KEY));
        assertThat(billing.get("items")).extracting(item -> item.get("caseId").asText()).contains("case-work");
        JsonNode otherTeam = json(get("/api/cases", Map.of("status", "acknowledged", "team", "sales"), KEY));
        assertThat(otherTeam.get("items")).isEmpty();
        JsonNode byOwner = json(get("/api/cases", Map.of("status", "acknowledged", "owner", "owner@demo.example"), KEY));
        assertThat(byOwner.get("items")).extracting(item -> item.get("caseId").asText()).contains("case-work");
    }

    @Test
    void apiKey_shouldBeShownOnce_listedWithoutItsSecret_andAllowOnlyItsScopes() throws Exception {
        // GIVEN the bootstrap admin makes a key for a BI job that reads scores
        var made = call("POST", "/api/keys", null, "Bearer local-dev-key",
                "{\"name\":\"bi-export\",\"scopes\":[\"metrics:read\"]}");
        assertThat(made.getStatusCode()).as(made.getBody()).isEqualTo(201);
        String key = json(made).get("key").asText();
        String id = json(made).get("id").asText();
        assertThat(key).startsWith("hq_" + id + "_");
        // THEN it reads scores, and is refused invitations, rule changes and keys, each 403 naming the scope
        assertThat(get("/api/surveys/demo-nps/metrics", null, "Bearer " + key).getStatusCode()).isEqualTo(200);
        var invitation = call("POST", "/api/invitations", null, "Bearer " + key, "{}");
        assertThat(invitation.getStatusCode()).isEqualTo(403);
        assertThat(json(invitation).at("/error/code").asText()).isEqualTo("forbidden");
        assertThat(json(invitation).at("/error/message").asText()).contains("invitations:write");
        assertThat(call("PUT", "/api/routing", null, "Bearer " + key, "{\"rules\":[]}").getStatusCode()).isEqualTo(403);
        assertThat(get("/api/keys", null, "Bearer " + key).getStatusCode()).isEqualTo(403);
        // AND the list shows it without its secret; a tampered copy of the key is unknown
        String listed = get("/api/keys", null, "Bearer local-dev-key").getBody();
        assertThat(listed).contains(id, "bi-export", "metrics:read").doesNotContain(key.substring(key.lastIndexOf('_')))
                .doesNotContain("secretSha256");
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        assertThat(get("/api/surveys/demo-nps/metrics", null, "Bearer " + tampered).getStatusCode()).isEqualTo(401);
    }

    @Test
    void apiKey_shouldStopWorking_withinAMinuteOfItsRevocation_andAtItsExpiry() throws Exception {
        // GIVEN a key that reads cases, used once at T, and a key that expires an hour after T
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        var made = callAt(t, "POST", "/api/keys", null, "Bearer local-dev-key",
                "{\"name\":\"crm2\",\"scopes\":[\"cases:read\"],\"expiresAt\":\"" + t.plusSeconds(3600) + "\"}");
        String expiring = json(made).get("key").asText();
        var revocable = callAt(t, "POST", "/api/keys", null, "Bearer local-dev-key",
                "{\"name\":\"crm3\",\"scopes\":[\"cases:read\"]}");
        String revocableKey = json(revocable).get("key").asText();
        assertThat(callAt(t, "GET", "/api/cases", null, "Bearer " + revocableKey, null).getStatusCode()).isEqualTo(200);
        // WHEN it is revoked at T
        var revoked = callAt(t, "DELETE", "/api/keys/" + json(revocable).get("id").asText(), null, "Bearer local-dev-key", null);
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(json(revoked).get("revokedAt").asText()).isEqualTo(t.toString());
        // THEN a minute later it is refused; the other works until its expiry and not after
        assertThat(callAt(t.plusSeconds(61), "GET", "/api/cases", null, "Bearer " + revocableKey, null).getStatusCode())
                .isEqualTo(401);
        assertThat(callAt(t.plusSeconds(61), "GET", "/api/cases", null, "Bearer " + expiring, null).getStatusCode())
                .isEqualTo(200);
        assertThat(callAt(t.plusSeconds(3600 + 61), "GET", "/api/cases", null, "Bearer " + expiring, null).getStatusCode())
                .isEqualTo(401);
        // AND a key for nobody, or one for a scope that does not exist, is refused with the field
        assertThat(callAt(t, "DELETE", "/api/keys/nope", null, "Bearer local-dev-key", null).getStatusCode()).isEqualTo(404);
        var unknownScope = callAt(t, "POST", "/api/keys", null, "Bearer local-dev-key",
                "{\"name\":\"x\",\"scopes\":[\"everything\"]}");
        assertThat(unknownScope.getStatusCode()).isEqualTo(400);
        assertThat(json(unknownScope).at("/error/field").asText()).isEqualTo("scopes");
        var past = callAt(t, "POST", "/api/keys", null, "Bearer local-dev-key",
                "{\"name\":\"x\",\"scopes\":[\"cases:read\"],\"expiresAt\":\"" + t.minusSeconds(1) + "\"}");
        assertThat(json(past).at("/error/field").asText()).isEqualTo("expiresAt");
    }

    @Test
    void audit_shouldRecordEveryChange_withItsActor_andNoReadsOrRefusals() throws Exception {
        // GIVEN a key allowed to change surveys, made by the bootstrap admin
        Instant t = Instant.parse("2026-11-24T08:00:00Z");
        var made = callAt(t, "POST", "/api/keys", null, "Bearer local-dev-key",
                "{\"name\":\"taxonomy-bot\",\"scopes\":[\"surveys:write\",\"surveys:read\"]}");
        String key = json(made).get("key").asText();
        String id = json(made).get("id").asText();
        // WHEN it files a theme term, reads the survey, and tries a change it may not make and an invalid one
        assertThat(callAt(t.plusSeconds(1), "POST", "/api/surveys/demo-nps/themes", null, "Bearer " + key,
                "{\"theme\":\"kitchen\",\"language\":\"en\",\"term\":\"kettle\"}").getStatusCode()).isEqualTo(200);
        callAt(t.plusSeconds(2), "GET", "/api/surveys/demo-nps", null, "Bearer " + key, null);
        assertThat(callAt(t.plusSeconds(3), "PUT", "/api/routing", null, "Bearer " + key, "{}").getStatusCode())
                .isEqualTo(403);
        assertThat(callAt(t.plusSeconds(4), "POST", "/api/surveys/demo-nps/themes", null, "Bearer " + key, "{}")
                .getStatusCode()).isEqualTo(400);
        // THEN the audit log names both changes that happened, by whom, to what, newest first
        JsonNode byKey = json(callAt(t.plusSeconds(5), "GET", "/api/audit", Map.of("actor", "key:" + id,
                "from", t.toString()), "Bearer local-dev-key", null));
        assertThat(byKey.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("POST /api/surveys/{surveyId}/themes");
            assertThat(entry.get("target").asText()).isEqualTo("/api/surveys/demo-nps/themes");
            assertThat(entry.get("at").asText()).isEqualTo(t.plusSeconds(1).toString());
            assertThat(entry.at("/summary/status").asInt()).isEqualTo(200);
            assertThat(entry.at("/summary/fields")).extracting(JsonNode::asText).containsExactly("theme", "language", "term");
            // what it changed in the survey, read before and after: its themes and version, the version's values
            assertThat(entry.at("/summary/changed")).extracting(JsonNode::asText).contains("themes", "version");
            assertThat(entry.at("/summary/version/after").asInt()).isEqualTo(entry.at("/summary/version/before").asInt() + 1);
            assertThat(entry.toString()).doesNotContain("kettle");
        });
        JsonNode byAdmin = json(callAt(t.plusSeconds(5), "GET", "/api/audit", Map.of("actor", "bootstrap",
                "target", "/api/keys", "from", t.toString()), "Bearer local-dev-key", null));
        assertThat(byAdmin.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("POST /api/keys");
            assertThat(entry.at("/summary/id").asText()).isEqualTo(id);
            assertThat(entry.toString()).doesNotContain(key.substring(key.lastIndexOf('_')));
        });
        // AND only admins read it
        assertThat(get("/api/audit", null, "Bearer " + key).getStatusCode()).isEqualTo(403);
        // AND a customer's id in a path is kept as its pseudonym, so an erasure leaves no id in the log
        assertThat(callAt(t.plusSeconds(6), "PUT", "/api/customers/audited-77", null, "Bearer local-dev-key",
                "{\"id\":\"audited-77\",\"email\":\"a77@example.com\"}").getStatusCode()).isEqualTo(201);
        JsonNode customerChange = json(callAt(t.plusSeconds(7), "GET", "/api/audit", Map.of("actor", "bootstrap",
                "from", t.plusSeconds(6).toString()), "Bearer local-dev-key", null));
        assertThat(customerChange.get("items")).singleElement().satisfies(entry -> {
            assertThat(entry.get("target").asText()).isEqualTo("/api/customers/~h(10)");
            assertThat(entry.toString()).doesNotContain("audited-77").doesNotContain("a77@example.com");
        });
        // AND without "to" the log is read up to the request's own time, whatever the wall clock says (a local
        // cloud's clock moved months ahead)
        Instant later = Instant.parse("2027-06-01T00:00:00Z");
        assertThat(callAt(later, "PUT", "/api/teams/audit-later", null, "Bearer local-dev-key", "{}").getStatusCode())
                .isEqualTo(200);
        JsonNode upToNow = json(callAt(later.plusSeconds(1), "GET", "/api/audit", Map.of("target", "/api/teams/audit-later"),
                "Bearer local-dev-key", null));
        assertThat(upToNow.get("items")).singleElement().satisfies(entry ->
                assertThat(entry.get("at").asText()).isEqualTo(later.toString()));
    }

    @Test
    void teamKey_shouldSeeOnlyItsTeamsCasesAndAnswers_andOthersShouldNotExistForIt() throws Exception {
        // GIVEN a support case and a logistics case, and a key that works cases for logistics only
        openSupportAndLogisticsCases("case-sup", "case-log");
        var made = call("POST", "/api/keys", null, "Bearer local-dev-key", "{\"name\":\"logistics-desk\","
                + "\"scopes\":[\"cases:read\",\"cases:write\",\"responses:read\"],\"teams\":[\"logistics\"]}");
        String key = "Bearer " + json(made).get("key").asText();
        // WHEN it reads, updates, notes and closes the other team's case, and lists cases
        var read = get("/api/cases/case-sup", null, key);
        var patched = call("PATCH", "/api/cases/case-sup", null, key, "{\"status\":\"acknowledged\"}");
        var noted = call("POST", "/api/cases/case-sup/notes", null, key, "{\"text\":\"mine now\"}");
        var closed = call("POST", "/api/cases/case-sup/close", null, key, "{\"resolution\":\"x\"}");
        JsonNode listed = json(get("/api/cases", null, key));
        // THEN the support case does not exist for it, is unchanged, and its list is logistics' own
        assertThat(List.of(read, patched, noted, closed)).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("case_not_found");
        });
        assertThat(json(get("/api/cases/case-sup", null, "Bearer local-dev-key")).get("status").asText()).isEqualTo("open");
        assertThat(listed.get("items")).extracting(item -> item.get("team").asText()).containsOnly("logistics");
        assertThat(listed.get("items")).extracting(item -> item.get("caseId").asText()).contains("case-log");
        assertThat(get("/api/cases", Map.of("team", "support"), key).getStatusCode()).isEqualTo(400);
        assertThat(get("/api/cases/case-log", null, key).getStatusCode()).isEqualTo(200);
        // AND an answer routed elsewhere is not found for it either
        assertThat(get("/api/responses/r0", null, key).getStatusCode()).isEqualTo(404);
    }

    @Test
    void teams_shouldBeSavedWhole_andRefuseAnOwnerThatIsNoAddress() throws Exception {
        // GIVEN no team "warehouse" yet
        assertThat(get("/api/teams/warehouse", null, "Bearer local-dev-key").getStatusCode()).isEqualTo(404);
        // WHEN it is put with its owner, members and SNS filter value, then read
        var saved = call("PUT", "/api/teams/warehouse", null, "Bearer local-dev-key", """
                {"name":"Warehouse","ownerEmail":"lead@logistics.example","members":["sara","reza"],"snsFilter":"ops-eu"}""");
        JsonNode read = json(get("/api/teams/warehouse", null, "Bearer local-dev-key"));
        // THEN it reads back as saved; a bad address or member is a 400 on its field and changes nothing
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(read.get("ownerEmail").asText()).isEqualTo("lead@logistics.example");
        assertThat(read.get("members")).extracting(JsonNode::asText).containsExactly("sara", "reza");
        assertThat(read.get("snsFilter").asText()).isEqualTo("ops-eu");
        var badOwner = call("PUT", "/api/teams/warehouse", null, "Bearer local-dev-key", "{\"ownerEmail\":\"lead\"}");
        assertThat(badOwner.getStatusCode()).isEqualTo(400);
        assertThat(json(badOwner).at("/error/field").asText()).isEqualTo("ownerEmail");
        var badMember = call("PUT", "/api/teams/warehouse", null, "Bearer local-dev-key", "{\"members\":[\"a b\"]}");
        assertThat(json(badMember).at("/error/field").asText()).isEqualTo("members");
        assertThat(json(get("/api/teams/warehouse", null, "Bearer local-dev-key")).get("ownerEmail").asText())
                .isEqualTo("lead@logistics.example");
    }

    /** An open detractor case for support (answer r0) and one for logistics (answer r1). */
    private static void openSupportAndLogisticsCases(String supportCase, String logisticsCase) {
        var repository = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        repository.openIfAbsent(new FollowUpCase(supportCase, "r0", "demo-nps", CaseStatus.OPEN, "support",
                "owner@demo.example", "Detractor (2/10)", 2, null, "en", AT, AT.plusSeconds(172800)));
        repository.openIfAbsent(new FollowUpCase(logisticsCase, "r1", "demo-nps", CaseStatus.OPEN, "logistics",
                "owner@demo.example", "Detractor (3/10)", 3, null, "en", AT, AT.plusSeconds(172800)));
    }

    /** A signed-in person's request, as API Gateway hands it on after its JWT authorizer verified their token. */
    private static APIGatewayV2HTTPResponse asPerson(String user, String groups, String method, String path, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sampleEvent("api", "get-open-cases.json"));
        event.getRequestContext().getHttp().setMethod(method);
        event.setRouteKey(ApiHandler.CONSOLE_ROUTE);
        event.setRawPath("/console" + path);
        event.getRequestContext().getHttp().setPath("/console" + path);
        event.setQueryStringParameters(null);
        event.setBody(body);
        event.setHeaders(Map.of("authorization", "Bearer eyJ.verified.token"));
        if (user != null) {
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(Map.of("username", user, "cognito:groups", groups, "token_use", "access"));
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            event.getRequestContext().setAuthorizer(authorizer);
        }
        return handler.handle(event);
    }

    @Test
    void people_shouldGetWhatTheirRolesAllow_andAnAgentOnlyTheirTeamsCases() throws Exception {
        // GIVEN a support case and a logistics case, and sara a member of logistics
        openSupportAndLogisticsCases("case-p-sup", "case-p-log");
        assertThat(call("PUT", "/api/teams/logistics", null, "Bearer local-dev-key",
                "{\"members\":[\"sara\"]}").getStatusCode()).isEqualTo(200);
        // WHEN sara (agent), omid (agent of no team), vida (viewer), mina (manager) and arash (admin) call through
        // the console route, and someone reaches it with no verified token
        // THEN the agent works her team's case and not the other team's (404, as if it did not exist)
        assertThat(asPerson("sara", "[agent]", "GET", "/api/cases/case-p-log", null).getStatusCode()).isEqualTo(200);
        assertThat(asPerson("sara", "[agent]", "GET", "/api/cases/case-p-sup", null).getStatusCode()).isEqualTo(404);
        var noted = asPerson("sara", "[agent]", "POST", "/api/cases/case-p-log/notes", "{\"text\":\"on it\"}");
        assertThat(json(noted).at("/notes/0/author").asText()).isEqualTo("user:sara");
        assertThat(json(asPerson("sara", "[agent]", "GET", "/api/cases", null)).get("items"))
                .extracting(item -> item.get("team").asText()).containsOnly("logistics");
        assertThat(asPerson("sara", "[agent]", "GET", "/api/surveys/demo-nps/metrics", null).getStatusCode())
                .isEqualTo(403);
        assertThat(asPerson("omid", "[agent]", "GET", "/api/cases/case-p-log", null).getStatusCode()).isEqualTo(404);
        // AND a viewer reads scores only; a manager everything but keys; an admin keys too
        assertThat(asPerson("vida", "[viewer]", "GET", "/api/surveys/demo-nps/metrics", null).getStatusCode())
                .isEqualTo(200);
        assertThat(asPerson("vida", "[viewer]", "GET", "/api/cases/case-p-log", null).getStatusCode()).isEqualTo(403);
        assertThat(asPerson("mina", "[manager]", "GET", "/api/cases/case-p-sup", null).getStatusCode()).isEqualTo(200);
        assertThat(asPerson("mina", "[manager]", "GET", "/api/keys", null).getStatusCode()).isEqualTo(403);
        assertThat(asPerson("arash", "[admin]", "GET", "/api/keys", null).getStatusCode()).isEqualTo(200);
        assertThat(asPerson(null, null, "GET", "/api/cases", null).getStatusCode()).isEqualTo(401);
        // AND the agent's note is in the audit log under her name
        JsonNode audited = json(get("/api/audit", Map.of("actor", "user:sara"), "Bearer local-dev-key"));
        assertThat(audited.get("items")).singleElement().satisfies(entry ->
                assertThat(entry.get("target").asText()).isEqualTo("/api/cases/case-p-log/notes"));
    }

    @Test
    void users_shouldBeMadeChangedAndDeletedByAnAdmin_withTheirTeamsKeptByTheTeams_andEveryChangeAudited()
            throws Exception {
        // GIVEN the helpdesk and billing teams
        Instant t = Instant.parse("2026-11-25T08:00:00Z");
        assertThat(call("PUT", "/api/teams/helpdesk", null, KEY, "{\"members\":[\"kaveh\"]}").getStatusCode())
                .isEqualTo(200);
        assertThat(call("PUT", "/api/teams/billing", null, KEY, "{}").getStatusCode()).isEqualTo(200);
        // WHEN the bootstrap admin makes Nasrin an agent of helpdesk
        var made = callAt(t, "POST", "/api/users", null, KEY,
                "{\"username\":\"Nasrin\",\"email\":\"nasrin@example.com\",\"role\":\"agent\",\"teams\":[\"helpdesk\"]}");
        // THEN she is made, invited, and helpdesk lists her
        assertThat(made.getStatusCode()).as(made.getBody()).isEqualTo(201);
        assertThat(json(made).at("/user/username").asText()).isEqualTo("nasrin");
        assertThat(json(made).at("/user/role").asText()).isEqualTo("agent");
        assertThat(json(made).at("/user/status").asText()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(json(get("/api/teams/helpdesk", null, KEY)).get("members")).extracting(JsonNode::asText)
                .containsExactly("kaveh", "nasrin");
        // AND the name taken, a bad address and an unknown team are refused, naming the field, storing nothing
        var taken = call("POST", "/api/users", null, KEY,
                "{\"username\":\"nasrin\",\"email\":\"n2@example.com\",\"role\":\"viewer\",\"teams\":[\"billing\"]}");
        assertThat(taken.getStatusCode()).isEqualTo(409);
        assertThat(json(taken).at("/error/code").asText()).isEqualTo("user_exists");
        var badEmail = call("POST", "/api/users", null, KEY, "{\"username\":\"leila\",\"email\":\"leila\",\"role\":\"agent\"}");
        assertThat(json(badEmail).at("/error/field").asText()).isEqualTo("email");
        var unknownTeam = call("POST", "/api/users", null, KEY,
                "{\"username\":\"leila\",\"email\":\"leila@example.com\",\"role\":\"agent\",\"teams\":[\"nope\"]}");
        assertThat(unknownTeam.getStatusCode()).isEqualTo(400);
        assertThat(json(unknownTeam).at("/error/field").asText()).isEqualTo("teams");
        assertThat(get("/api/users/leila", null, KEY).getStatusCode()).isEqualTo(404);
        assertThat(json(get("/api/teams/billing", null, KEY)).get("members")).isEmpty();
        // WHEN she becomes a manager of billing, then is deleted
        var changed = callAt(t.plusSeconds(1), "PUT", "/api/users/nasrin", null, KEY,
                "{\"role\":\"manager\",\"teams\":[\"billing\"]}");
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(200);
        assertThat(json(get("/api/users", null, KEY)).get("items")).anySatisfy(user -> {
            assertThat(user.get("username").asText()).isEqualTo("nasrin");
            assertThat(user.get("teams")).extracting(JsonNode::asText).containsExactly("billing");
        });
        assertThat(callAt(t.plusSeconds(2), "DELETE", "/api/users/nasrin", null, KEY, null).getStatusCode())
                .isEqualTo(204);
        // THEN she is gone, and from her team too
        assertThat(get("/api/users/nasrin", null, KEY).getStatusCode()).isEqualTo(404);
        assertThat(json(get("/api/teams/billing", null, KEY)).get("members")).isEmpty();
        assertThat(json(get("/api/teams/helpdesk", null, KEY)).get("members")).extracting(JsonNode::asText)
                .containsExactly("kaveh");
        // AND the log tells the three changes to her, by the admin, with her role and teams before and after
        JsonNode log = json(callAt(t.plusSeconds(3), "GET", "/api/audit", Map.of("target", "/api/users/nasrin"),
                KEY, null));
        assertThat(log.get("items")).extracting(entry -> entry.get("action").asText()).containsExactly(
                "DELETE /api/users/{username}", "PUT /api/users/{username}", "POST /api/users");
        assertThat(log.get("items")).allSatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("bootstrap");
            assertThat(entry.toString()).doesNotContain("nasrin@example.com");
        });
        assertThat(log.at("/items/2/summary/role/after").asText()).isEqualTo("agent");
        assertThat(log.at("/items/2/summary/teams/after").asText()).isEqualTo("[helpdesk]");
        assertThat(log.at("/items/1/summary/role/before").asText()).isEqualTo("agent");
        assertThat(log.at("/items/1/summary/role/after").asText()).isEqualTo("manager");
        assertThat(log.at("/items/1/summary/teams/after").asText()).isEqualTo("[billing]");
        assertThat(log.at("/items/0/summary/deleted").asBoolean()).isTrue();
        // AND only admins manage users
        assertThat(asPerson("mina", "[manager]", "GET", "/api/users", null).getStatusCode()).isEqualTo(403);
        assertThat(asPerson("arash", "[admin]", "GET", "/api/users", null).getStatusCode()).isEqualTo(200);
    }

    @Test
    void permissions_shouldNameAScopeForEveryRoute() {
        // GIVEN the router's routes THEN each has exactly one declared scope, and nothing else is declared
        assertThat(Permissions.REQUIRED.keySet()).containsExactlyInAnyOrderElementsOf(handler.routes().routeKeys());
    }

    @Test
    void routes_shouldBeExactlyTheHttpApiEventsOfTheTemplate() {
        // GIVEN the ApiFunction's HttpApi events in template.yaml
        List<String> declared = io.halqe.local.runtime.SamTemplate.load().functions().stream()
                .filter(function -> function.logicalId().equals("ApiFunction"))
                .flatMap(function -> function.events().stream()).filter(event -> event.type().equals("HttpApi"))
                .map(event -> event.properties().get("Method") + " " + event.properties().get("Path")).toList();
        // THEN the router serves exactly those routes: API Gateway routes each one, the router dispatches it
        // (the console route is the handler's own: it hands what follows /console to the router)
        assertThat(declared).contains(ApiHandler.CONSOLE_ROUTE);
        assertThat(handler.routes().routeKeys()).containsExactlyInAnyOrderElementsOf(declared.stream()
                .filter(route -> !route.equals(ApiHandler.CONSOLE_ROUTE)).toList()).hasSize(63);
    }

    @Test
    void suppressions_shouldBeAddedListedAndLifted_withoutAnAddressInAnyUrl() throws Exception {
        // WHEN an admin suppresses a phone and an address, and one is refused as neither
        var added = send("PUT", "/api/suppressions", "application/json", "{\"address\":\"+989121110000\",\"reason\":\"asked by phone\"}");
        send("PUT", "/api/suppressions", "application/json", "{\"address\":\"Quiet@Example.com\"}");
        var wrong = send("PUT", "/api/suppressions", "application/json", "{\"address\":\"not an address\"}");
        // THEN both are listed by id, the wrong one names its field
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(200);
        String id = json(added).get("id").asText();
        assertThat(id).hasSize(64).doesNotContain("989");
        assertThat(wrong.getStatusCode()).isEqualTo(400);
        assertThat(json(wrong).at("/error/field").asText()).isEqualTo("address");
        JsonNode listed = json(get("/api/suppressions", Map.of("limit", "1000"), KEY)).get("items");
        List<String> addresses = new ArrayList<>();
        listed.forEach(entry -> addresses.add(entry.get("address").asText()));
        assertThat(addresses).contains("+989121110000", "quiet@example.com");
        // WHEN the phone's entry is lifted by its id THEN it is gone, and lifting again is a 404
        assertThat(send("DELETE", "/api/suppressions/" + id, "application/json", null).getStatusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/suppressions/" + id, "application/json", null).getStatusCode()).isEqualTo(404);
        JsonNode after = json(get("/api/suppressions", Map.of("limit", "1000"), KEY)).get("items");
        List<String> left = new ArrayList<>();
        after.forEach(entry -> left.add(entry.get("address").asText()));
        assertThat(left).doesNotContain("+989121110000").contains("quiet@example.com");
    }

    @Test
    void surveyName_shouldBeAcceptedPerLanguage_andReadBackAsGiven() throws Exception {
        // WHEN a survey is posted with its name, email subject and SMS text per language
        String localized = CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"checkout-fa\"")
                .replace("\"name\":\"After checkout\"", "\"name\":{\"en\":\"After checkout\",\"fa\":\"پس از خرید\"},"
                        + "\"emailSubject\":{\"fa\":\"خرید شما چطور بود؟\"},\"smsText\":\"How was checkout?\"");
        var created = call("POST", "/api/surveys", null, KEY, localized);
        // THEN the texts come back in the shape they were given: a map per language, or one text
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        JsonNode stored = json(get("/api/surveys/checkout-fa", null, KEY));
        assertThat(stored.at("/name/fa").asText()).isEqualTo("پس از خرید");
        assertThat(stored.at("/emailSubject/fa").asText()).isEqualTo("خرید شما چطور بود؟");
        assertThat(stored.get("smsText").asText()).isEqualTo("How was checkout?");
        // AND a name that is neither text nor texts is refused, naming the field
        var wrong = call("POST", "/api/surveys", null, KEY, CHECKOUT.replace("\"id\":\"checkout\"", "\"id\":\"checkout-x\"")
                .replace("\"name\":\"After checkout\"", "\"name\":42"));
        assertThat(wrong.getStatusCode()).isEqualTo(400);
        assertThat(json(wrong).at("/error/field").asText()).isEqualTo("name");
    }

    @Test
    void parked_shouldListEveryKindNewestFirst_andRequeueEachToItsLoopOnce() throws Exception {
        // GIVEN a case whose escalation was parked, and a scoring record parked an hour later
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        cases.openIfAbsent(new io.halqe.domain.cases.FollowUpCase("case-park-1", "park-1", "demo-nps",
                io.halqe.domain.cases.CaseStatus.OPEN, "support", "lead@example.com", "Detractor (1/10)", 1, null, "en",
                java.time.Instant.parse("2026-11-01T00:00:00Z"), java.time.Instant.parse("2026-11-02T00:00:00Z")));
        cases.recordEscalationFailure("case-park-1");
        cases.parkEscalation("case-park-1");
        java.time.Instant at = java.time.Instant.parse("2026-11-03T00:00:00Z");
        PARKED.park(io.halqe.domain.parking.ParkedWork.Parked.of(io.halqe.domain.parking.ParkedWork.Kind.ESCALATION,
                "case-park-1", "Undeliverable: refused", 1, at, Map.of()));
        var responseKey = ResponseItems.key("demo-nps", "park-2");
        db.client().putItem(request -> request.tableName(db.tableName("ResponsesTable")).item(Map.of(
                "pk", responseKey.get("pk"), "sk", responseKey.get("sk"),
                "type", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("response"))));
        PARKED.park(io.halqe.domain.parking.ParkedWork.Parked.of(io.halqe.domain.parking.ParkedWork.Kind.SCORING,
                "park-2", "IllegalStateException: poison", 3, at.plusSeconds(3600),
                Map.of("pk", responseKey.get("pk").s(), "sk", responseKey.get("sk").s())));
        // WHEN the list is read
        JsonNode items = json(get("/api/admin/parked", null, "Bearer local-dev-key")).path("items");
        // THEN both are there, newest first, with kind, item and why, and no stored detail
        assertThat(items).extracting(item -> item.path("id").asText()).startsWith("scoring:park-2", "escalation:case-park-1");
        assertThat(items.get(0).path("reason").asText()).contains("poison");
        assertThat(items.get(0).has("detail")).isFalse();
        // WHEN the escalation is re-queued, twice
        var requeued = call("POST", "/api/admin/parked/escalation:case-park-1/requeue", null, "Bearer local-dev-key", null);
        var again = call("POST", "/api/admin/parked/escalation:case-park-1/requeue", null, "Bearer local-dev-key", null);
        // THEN the first puts the case back in the sweep, the second finds nothing parked
        assertThat(requeued.getStatusCode()).isEqualTo(200);
        assertThat(json(requeued).path("next").asText()).contains("sweep");
        assertThat(cases.overdue(io.halqe.domain.cases.CaseStatus.OPEN, at, 100))
                .extracting(io.halqe.domain.cases.FollowUpCase::id).contains("case-park-1");
        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(json(again).path("error").path("field").asText()).isEqualTo("id");
        // AND re-queuing the scoring record marks its response for the scoring function
        assertThat(call("POST", "/api/admin/parked/scoring:park-2/requeue", null, "Bearer local-dev-key", null)
                .getStatusCode()).isEqualTo(200);
        assertThat(db.client().getItem(request -> request.tableName(db.tableName("ResponsesTable")).key(responseKey))
                .item().get("requeuedFor").s()).isEqualTo("scoring");
    }
}
