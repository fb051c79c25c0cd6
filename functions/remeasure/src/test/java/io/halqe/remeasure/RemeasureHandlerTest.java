package io.halqe.remeasure;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.domain.core.Undeliverable;
import io.halqe.local.runtime.testing.EmfLines;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.alerts.EscalateOverdueCases;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.Customer;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.SweepDueOutreach;
import io.halqe.domain.response.FinalizeDrafts;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RemeasureHandlerTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    @Test
    void sampleSweep_shouldSendWhatIsDueAsOfTheScheduledTime_once() throws Exception {
        // GIVEN outreach due one minute before the sample's scheduled time (10:05) and one due after it
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        outreach.schedule(invitation("o-due", new Customer("c1", "a@example.com", null, null, "ar"),
                Instant.parse("2026-11-23T10:04:00Z")));
        outreach.schedule(invitation("o-later", new Customer("c2", "b@example.com", null, null, "en"),
                Instant.parse("2026-11-23T10:06:00Z")));
        List<Mailer.Email> sent = new ArrayList<>();
        RemeasureHandler handler = handler(outreach, sent);
        // WHEN the sample schedule fires, twice (an overlapping retry)
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), first, context("remeasure"));
        handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), new ByteArrayOutputStream(),
                context("remeasure"));
        // THEN only the due invitation went out, once, in Arabic with a signed link, and its reminder waits 3 days
        assertThat(Json.MAPPER.readTree(first.toByteArray()).at("/outreach/sent").asInt()).isEqualTo(1);
        // (other tests' cases may escalate in the same sweep: this test is about invitations)
        assertThat(sent).filteredOn(email -> !email.to().contains("escalations@example.com")).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("a@example.com");
            assertThat(email.text()).contains("/s/demo-nps?lang=ar&t=");
        });
        assertThat(outreach.find("o-due-r1").orElseThrow().outreach().dueAt())
                .isEqualTo(Instant.parse("2026-11-23T10:05:00Z").plus(java.time.Duration.ofDays(3)));
    }

    private static Outreach invitation(String id, Customer customer, Instant due) {
        return new Outreach(id, Outreach.Kind.INVITATION, "demo-nps", "email", customer, null, null, id, null, 0, due);
    }

    @BeforeAll
    static void seed() {
        io.halqe.aws.demo.DemoSeed.seed(db.client(), db.tableName("SurveysTable"), db.tableName("DirectoryTable"));
    }

    @Test
    void sampleOrderDelivered_shouldScheduleOneInvitationAnHourLater_evenWhenDeliveredTwice() throws Exception {
        List<Mailer.Email> sent = new ArrayList<>();
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        for (int i = 0; i < 2; i++) {
            handler(outreach, sent).handleRequest(new FileInputStream(sampleEvent("remeasure", "order-delivered.json")),
                    new ByteArrayOutputStream(), context("remeasure"));
        }
        var scheduled = outreach.find("t-demo-order-delivered-5b0e7d4c-9a61-4c55-8f0e-2f1c6d3b9a77").orElseThrow();
        assertThat(scheduled.status()).isEqualTo("pending");
        assertThat(scheduled.outreach().dueAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(scheduled.outreach().customer().email()).isEqualTo("nima@example.com");
        assertThat(scheduled.outreach().hidden()).containsEntry("orderId", "A-2001");
        assertThat(sent).isEmpty();
    }

    @Test
    void sampleResurveyAnswer_shouldRecordTheScoresOnTheCase_once() throws Exception {
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        cases.openIfAbsent(new FollowUpCase("case-r-before", "r-before", "demo-nps", CaseStatus.OPEN, "support",
                "lead@example.com", "Detractor (2/10)", 2, "late", "en", Instant.parse("2026-11-10T10:00:00Z"),
                Instant.parse("2026-11-12T10:00:00Z")));
        // (the answer the event announces, as the re-survey's signed link stored it)
        var answeredAt = Instant.parse("2026-11-23T09:30:00Z");
        new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable")).insertIfAbsent(new io.halqe.domain.response.Response(
                "e2d4b6a8-1c3e-4f5a-9b7d-0e2c4a6b8d1f", "demo-nps", 1, java.util.Map.of("nps",
                new io.halqe.domain.response.Answer.Score(io.halqe.domain.survey.QuestionType.NPS, 9)), "en", answeredAt,
                io.halqe.domain.response.ResponseStatus.ENRICHED, new io.halqe.domain.response.Enrichment(9,
                io.halqe.domain.response.NpsCategory.PROMOTER, null, "en", 0, "positive", 0.7, List.of(), null, List.of(),
                List.of(), null, List.of(), List.of(), null, answeredAt), java.util.Map.of(), "cust-42",
                "resurvey-case-r-before", false));
        for (int i = 0; i < 2; i++) {
            handler(new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable")), new ArrayList<>())
                    .handleRequest(new FileInputStream(sampleEvent("remeasure", "resurvey-response-enriched.json")),
                            new ByteArrayOutputStream(), context("remeasure"));
        }
        assertThat(cases.work("case-r-before").remeasurement()).isEqualTo(new io.halqe.domain.cases.CaseWork.Remeasurement(
                2, 9, Instant.parse("2026-11-23T09:30:00Z")));
    }

    private static RemeasureHandler handler(DynamoOutreachRepository outreach, List<Mailer.Email> sent) {
        return handler(outreach, sent, new ArrayList<>());
    }

    private static RemeasureHandler handler(DynamoOutreachRepository outreach, List<Mailer.Email> sent,
                                            List<Notifier.Notification> alerts) {
        return handler(outreach, sent::add, alerts, new EmfLines());
    }

    /** The function with this mailer, writing its metrics to {@code emf}. */
    private static RemeasureHandler handler(DynamoOutreachRepository outreach, Mailer mailer,
                                            List<Notifier.Notification> alerts, EmfLines emf) {
        String cases = db.tableName("CasesTable");
        var responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        var suppression = new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        var directory = new io.halqe.aws.dynamo.DynamoCustomerDirectory(db.client(), db.tableName("DirectoryTable"));
        var gate = new io.halqe.domain.outreach.ContactGate(
                new io.halqe.aws.dynamo.DynamoContactLog(db.client(), db.tableName("OutreachTable")), suppression,
                () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, java.time.ZoneId.of("UTC"));
        var invitations = new io.halqe.domain.links.CreateInvitation(
                new io.halqe.aws.dynamo.DynamoSurveyRepository(db.client(), db.tableName("SurveysTable")),
                new io.halqe.domain.links.InvitationLinks(
                        new io.halqe.aws.links.HmacLinkSigner("remeasure-test-key-0123456789abcdef".getBytes()),
                        new io.halqe.aws.dynamo.DynamoInvitationStore(db.client(), db.tableName("OutreachTable"))),
                new io.halqe.domain.links.InvitationChannels(mailer, (phone, text) -> { },
                        new io.halqe.aws.links.HmacUnsubscribeLinks("remeasure-test-key-0123456789abcdef".getBytes(),
                                "http://localhost:3000"), io.halqe.domain.survey.Branding.NONE), gate, outreach, directory, "http://localhost:3000");
        var triggers = new io.halqe.aws.dynamo.DynamoTriggers(db.client(), db.tableName("DirectoryTable"));
        return new RemeasureHandler(new SweepDueOutreach(outreach, gate,
                new io.halqe.domain.response.StoredAnswers(responses), invitations, java.time.ZoneId.of("UTC")),
                new FinalizeDrafts(responses),
                new EscalateOverdueCases(new DynamoCaseRepository(db.client(), cases), mailer, alerts::add,
                        new DynamoDeliveryLedger(db.client(), cases), "escalations@example.com", "http://localhost:3000",
                        new io.halqe.domain.alerts.AlertStorms(new io.halqe.aws.dynamo.DynamoCounters(db.client(),
                                db.tableName("LimitsTable")), 10, new io.halqe.aws.dynamo.DynamoDigestStore(db.client(), cases),
                                java.time.ZoneOffset.UTC),
                        new io.halqe.aws.dynamo.DynamoParkedWork(db.client(), cases, db.tableName("ResponsesTable"))),
                new io.halqe.domain.outreach.ScheduleTouchpoints(
                        new io.halqe.aws.routing.EventRulerTriggerMatcher(triggers::current), outreach, directory),
                new io.halqe.domain.cases.RecordRemeasurement(new DynamoCaseRepository(db.client(), cases), responses),
                new io.halqe.domain.privacy.ApplyRetention(
                        new io.halqe.aws.dynamo.DynamoSurveyRepository(db.client(), db.tableName("SurveysTable")), responses,
                        new DynamoCaseRepository(db.client(), cases), directory,
                        new io.halqe.aws.dynamo.DynamoRetentionProgress(db.client(), db.tableName("OutreachTable"))), 0,
                new EmfMetrics("Halqe/test", "remeasure", emf, Clock.systemUTC()),
                new io.halqe.domain.webhooks.DeliverWebhooks(new io.halqe.aws.dynamo.DynamoWebhookStore(db.client(),
                        db.tableName("WebhooksTable")), new io.halqe.aws.webhooks.HttpWebhookSender()));
    }

    @Test
    void sampleNewWebhookDelivery_shouldPostItAtOnce_andNotAgain_whenTheRecordComesTwice() throws Exception {
        // GIVEN a receiver on the loopback, a subscription to it and the delivery the sample record names
        List<String> posted = new java.util.concurrent.CopyOnWriteArrayList<>();
        var receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            posted.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            var store = new io.halqe.aws.dynamo.DynamoWebhookStore(db.client(), db.tableName("WebhooksTable"));
            var subscription = new io.halqe.domain.webhooks.WebhookSubscription("wh_sample",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", List.of("case.opened"), null, null,
                    Instant.parse("2026-11-20T00:00:00Z"));
            store.create(subscription, new io.halqe.domain.webhooks.WebhookSecret("whsec_" + java.util.Base64.getEncoder()
                    .encodeToString("remeasure-test-secret-0123456789".getBytes()), null));
            store.add(new io.halqe.domain.webhooks.WebhookDelivery("wh_sample", "msg_case.opened_sample", "case.opened",
                    Instant.ofEpochMilli(1795003200000L), "{\"type\":\"case.opened\"}",
                    io.halqe.domain.webhooks.WebhookDelivery.Status.PENDING, 0, Instant.ofEpochMilli(1795003200000L), null));
            RemeasureHandler handler = handler(new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable")),
                    new ArrayList<>());
            // WHEN the sample stream record arrives, twice (at-least-once)
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "new-webhook-delivery.json")), answer,
                    context("remeasure"));
            handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "new-webhook-delivery.json")),
                    new ByteArrayOutputStream(), context("remeasure"));
            // THEN it was posted once, recorded delivered, and no record is reported failed
            assertThat(posted).containsExactly("msg_case.opened_sample");
            assertThat(store.delivery("wh_sample", "1795003200000.msg_case.opened_sample").orElseThrow().status())
                    .isEqualTo(io.halqe.domain.webhooks.WebhookDelivery.Status.DELIVERED);
            assertThat(Json.MAPPER.readTree(answer.toByteArray()).get("batchItemFailures")).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void sampleSweep_shouldEmitItemsParked_whenTheProviderRefusesAnAddressForGood() throws Exception {
        // GIVEN an invitation due before the sample sweep to an address the provider refuses for good
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        outreach.schedule(invitation("o-refused", new Customer("c3", "refused@example.com", null, null, "en"),
                Instant.parse("2026-11-23T10:03:00Z")));
        Mailer refusing = email -> {
            if (email.to().contains("refused@example.com")) {
                throw new Undeliverable("address refused for good", null);
            }
        };
        EmfLines emf = new EmfLines();
        // WHEN the sample sweep runs
        handler(outreach, refusing, new ArrayList<>(), emf).handleRequest(
                new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), new ByteArrayOutputStream(),
                context("remeasure"));
        // THEN the invitation is parked, and the sweep's EMF line counts it for the remeasure function
        assertThat(outreach.find("o-refused").orElseThrow().status()).isEqualTo("parked");
        assertThat(emf.documents()).singleElement().satisfies(document -> {
            assertThat(document.namespace()).isEqualTo("Halqe/test");
            assertThat(document.member("Service")).isEqualTo("remeasure");
            assertThat(document.values()).containsEntry("ItemsParked", 1.0);
        });
    }

    @Test
    void sampleSweep_shouldEscalateACaseLeftOpenPastItsDueTime_once() throws Exception {
        // GIVEN a case due at 10:00 and still open, and one due later
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        for (String[] c : new String[][] {{"r-late", "2026-11-23T10:00:00Z"}, {"r-fine", "2026-11-23T11:00:00Z"}}) {
            cases.openIfAbsent(new FollowUpCase(FollowUpCase.idFor(c[0]), c[0], "demo-nps", CaseStatus.OPEN, "support",
                    "lead@example.com", "Detractor (1/10)", 1, "no answer", "en",
                    Instant.parse("2026-11-21T10:00:00Z"), Instant.parse(c[1])));
        }
        List<Mailer.Email> sent = new ArrayList<>();
        List<Notifier.Notification> alerts = new ArrayList<>();
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        // WHEN the sample sweep (10:05) runs twice
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler(outreach, sent, alerts).handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")),
                first, context("remeasure"));
        handler(outreach, sent, alerts).handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")),
                new ByteArrayOutputStream(), context("remeasure"));
        // THEN the overdue case is escalated once — one email to the contact, one alert — and records when
        assertThat(Json.MAPPER.readTree(first.toByteArray()).get("casesEscalated").asInt()).isEqualTo(1);
        assertThat(sent).filteredOn(email -> email.to().contains("escalations@example.com")).singleElement()
                .satisfies(email -> assertThat(email.subject()).contains("case-r-late"));
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert.attributes())
                .containsEntry("rule", "sla-escalation"));
        assertThat(cases.work("case-r-late").escalatedAt()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
        assertThat(cases.work("case-r-fine").escalatedAt()).isNull();
    }
}
