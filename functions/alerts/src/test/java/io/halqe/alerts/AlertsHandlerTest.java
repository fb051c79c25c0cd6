package io.halqe.alerts;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.local.runtime.testing.EmfLines;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import io.halqe.aws.dynamo.DynamoAlertRules;
import io.halqe.aws.dynamo.DynamoDigestStore;
import io.halqe.aws.routing.EventRulerAlertMatcher;
import io.halqe.domain.alerts.AlertSettings;
import io.halqe.domain.alerts.ApplyAlertRules;
import io.halqe.domain.alerts.SendDigests;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.Team;
import io.halqe.domain.events.DomainEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertsHandlerTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<Notifier.Notification> alerts = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private final EmfLines emf = new EmfLines();

    @BeforeAll
    static void start() {
        new DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable"))
                .save(new Team("support", "Customer Support", "owner@demo.example"));
    }

    private AlertsHandler handler() {
        var webhooks = webhookStore();
        String cases = db.tableName("CasesTable");
        String directory = db.tableName("DirectoryTable");
        var ledger = new DynamoDeliveryLedger(db.client(), cases);
        var digests = new DynamoDigestStore(db.client(), cases);
        var settings = new AlertSettings("support", "fallback@demo.example", "http://localhost:3000", ZoneId.of("UTC"));
        var rules = new DynamoAlertRules(db.client(), directory, Duration.ofHours(48));
        // as the function wires them: every email and alert counted as it goes out
        var metrics = new EmfMetrics("Halqe/test", "alerts", emf, Clock.systemUTC());
        Mailer mailer = metrics.counting((Mailer) emails::add);
        Notifier notifier = metrics.counting((Notifier) alerts::add);
        return new AlertsHandler(new ApplyAlertRules(new EventRulerAlertMatcher(rules::current),
                new DynamoCaseRepository(db.client(), cases), new DynamoTeamDirectory(db.client(), directory),
                mailer, notifier, events::addAll, ledger, digests, settings,
                new io.halqe.domain.alerts.AlertStorms(new io.halqe.aws.dynamo.DynamoCounters(db.client(),
                        db.tableName("LimitsTable")), 10, digests, ZoneId.of("UTC")),
                (survey, response) -> true),
                new SendDigests(digests, mailer, notifier, ledger, settings,
                        new io.halqe.aws.dynamo.DynamoCounters(db.client(), db.tableName("LimitsTable")),
                        new io.halqe.aws.dynamo.DynamoParkedWork(db.client(), cases, db.tableName("ResponsesTable"))),
                new io.halqe.domain.alerts.SendTeamDigests(
                        new io.halqe.aws.dynamo.DynamoSurveyRepository(db.client(), db.tableName("SurveysTable")),
                        new io.halqe.aws.dynamo.DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")),
                        new DynamoCaseRepository(db.client(), cases), new DynamoTeamDirectory(db.client(), directory),
                        mailer, ledger, settings),
                new io.halqe.domain.suppression.RecordEmailFeedback(
                        new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), directory)), metrics,
                new io.halqe.aws.webhooks.WebhookAnnouncements(new io.halqe.domain.webhooks.EnqueueWebhooks(
                        webhooks::subscriptions, webhooks, new io.halqe.aws.routing.EventRulerWebhookFilter())),
                (survey, response) -> true);
    }

    private static io.halqe.aws.dynamo.DynamoWebhookStore webhookStore() {
        return new io.halqe.aws.dynamo.DynamoWebhookStore(db.client(), db.tableName("WebhooksTable"));
    }

    @Test
    void sampleDetractor_shouldOweEachSubscriberOneMessagePerEvent_whenDeliveredTwice() throws Exception {
        // GIVEN a subscription to answers of detractors and to opened cases, and one to score shifts only
        var store = webhookStore();
        var manage = new io.halqe.domain.webhooks.ManageWebhooks(store,
                new io.halqe.aws.routing.EventRulerWebhookFilter(), java.util.Set.of("https"));
        var both = (io.halqe.domain.webhooks.ManageWebhooks.Outcome.Created) manage.create(
                new io.halqe.domain.webhooks.ManageWebhooks.Request("https://crm.example/hooks",
                        List.of("response.enriched", "case.opened"), "{\"data\":{\"npsScore\":[{\"numeric\":[\"<=\",6]}]}}",
                        null), Instant.parse("2026-11-01T00:00:00Z"));
        var shifts = (io.halqe.domain.webhooks.ManageWebhooks.Outcome.Created) manage.create(
                new io.halqe.domain.webhooks.ManageWebhooks.Request("https://bi.example/hooks",
                        List.of("score.shifted"), null, null), Instant.parse("2026-11-01T00:00:00Z"));
        // WHEN EventBridge delivers a detractor's ResponseEnriched (the sample's, of another answer) twice
        String event = java.nio.file.Files.readString(java.nio.file.Path.of(sampleEvent("alerts",
                        "detractor-response-enriched.json")))
                .replace("3f2c1b9e-0d7a-4b6e-9a51-2c8f7e6d5a41", "5d1e0c7a-webhooks-once");
        for (int delivery = 0; delivery < 2; delivery++) {
            handler().handleRequest(new ByteArrayInputStream(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), context("alerts"));
        }
        // THEN the first subscription is owed one response.enriched and one case.opened, pending; the other nothing
        var owed = store.deliveries(both.subscription().id(), null, 10, null).items();
        assertThat(owed).extracting(io.halqe.domain.webhooks.WebhookDelivery::type)
                .containsExactlyInAnyOrder("response.enriched", "case.opened");
        assertThat(owed).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(io.halqe.domain.webhooks.WebhookDelivery.Status.PENDING);
            assertThat(delivery.payload()).startsWith("{\"type\":\"" + delivery.type() + "\"")
                    .contains("5d1e0c7a-webhooks-once");
        });
        assertThat(store.deliveries(shifts.subscription().id(), null, 10, null).items()).isEmpty();
    }

    private static InputStream sample() throws Exception {
        return new FileInputStream(sampleEvent("alerts", "detractor-response-enriched.json"));
    }

    @Test
    void sampleDetractor_shouldOpenOneCaseAndNotifyOnce_whenDeliveredTwice() throws Exception {
        // GIVEN the sample ResponseEnriched for a detractor whose comment carries a script tag
        // WHEN EventBridge delivers it twice
        handler().handleRequest(sample(), new ByteArrayOutputStream(), context("alerts"));
        handler().handleRequest(sample(), new ByteArrayOutputStream(), context("alerts"));
        // THEN one open case for the routed team, owned by the customer's account owner, due 48 hours after the event
        var opened = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"))
                .find("case-3f2c1b9e-0d7a-4b6e-9a51-2c8f7e6d5a41").orElseThrow();
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.team()).isEqualTo("support");
        assertThat(opened.owner()).isEqualTo("owner@demo.halqe.local");
        assertThat(opened.dueAt()).isEqualTo(Instant.parse("2026-11-25T10:00:02Z"));
        // AND one email with the comment escaped, one SNS alert, one CaseOpened
        assertThat(emails).singleElement().satisfies(email -> assertThat(email.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.attributes()).containsEntry("team", "support"));
        assertThat(events).hasSize(1);
        // AND the first delivery's EMF line counts the case, the email and the alert; the second, having done nothing,
        // writes none
        assertThat(emf.documents()).singleElement().satisfies(document -> {
            assertThat(document.namespace()).isEqualTo("Halqe/test");
            assertThat(document.dimensions()).containsExactly(List.of("Service"));
            assertThat(document.member("Service")).isEqualTo("alerts");
            assertThat(document.values()).containsOnly(Map.entry("CasesOpened", 1.0), Map.entry("EmailsSent", 1.0),
                    Map.entry("AlertsSent", 1.0));
        });
    }

    @Test
    void event_shouldFail_whenItIsNotAnEventBridgeEvent() {
        assertThatThrownBy(() -> handler().handleRequest(new ByteArrayInputStream("{\"detail\":{}}".getBytes()),
                new ByteArrayOutputStream(), context("alerts"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sampleSesBounce_shouldSuppressTheAddress() throws Exception {
        var suppression = new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        assertThat(suppression.isSuppressed("gone@example.com")).isFalse();
        handler().handleRequest(new FileInputStream(sampleEvent("alerts", "ses-bounce.json")), new ByteArrayOutputStream(),
                context("alerts"));
        assertThat(suppression.isSuppressed("gone@example.com")).isTrue();
        assertThat(emails).isEmpty();
    }

    @Test
    void samplePraise_shouldReachMarketingOnceInTheWeeklyDigest_whenTheScheduleRunsAfterTheWeek() throws Exception {
        // GIVEN marketing's owner, and a promoter's praise (sample) delivered twice in ISO week 48
        new DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable"))
                .save(new Team("marketing", "Marketing", "marketing@demo.example"));
        for (int i = 0; i < 2; i++) {
            handler().handleRequest(new FileInputStream(sampleEvent("alerts", "promoter-praise-response-enriched.json")),
                    new ByteArrayOutputStream(), context("alerts"));
        }
        // THEN no email yet, and no case
        assertThat(emails).isEmpty();
        assertThat(new DynamoCaseRepository(db.client(), db.tableName("CasesTable"))
                .find("case-7c9e2f10-5a4b-4e8d-9f3a-1b2c3d4e5f60")).isEmpty();
        // WHEN the hourly schedule (sample) runs after the week, twice
        for (int i = 0; i < 2; i++) {
            handler().handleRequest(new FileInputStream(sampleEvent("alerts", "send-digests-schedule.json")),
                    new ByteArrayOutputStream(), context("alerts"));
        }
        // THEN marketing gets one weekly digest listing the praise once, escaped (team digests go out beside it)
        assertThat(emails).filteredOn(email -> email.subject().contains("Weekly digest")).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("marketing@demo.example");
            assertThat(email.subject()).isEqualTo("[Halqe] Weekly digest 2026-W48: 1 match");
            assertThat(email.html()).contains("wonderful &lt;b&gt;thank you&lt;/b&gt;");
        });
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.attributes())
                .containsEntry("team", "marketing").containsEntry("rule", "promoter-praise"));
    }
}
