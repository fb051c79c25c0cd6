package io.halqe.alerts;

import static io.halqe.aws.testing.HandlerTesting.context;
import static io.halqe.aws.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoTeamDirectory;
import io.halqe.aws.testing.LocalDynamoDbPerClass;
import io.halqe.domain.cases.AlertOnDetractor;
import io.halqe.domain.cases.AlertSettings;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.Mailer;
import io.halqe.domain.cases.Notifier;
import io.halqe.domain.cases.Team;
import io.halqe.domain.events.DomainEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlertsHandlerTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<Notifier.Notification> alerts = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();

    @BeforeAll
    static void start() {
        new DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable"))
                .save(new Team("support", "Customer Support", "owner@demo.example"));
    }

    private AlertsHandler handler() {
        String cases = db.tableName("CasesTable");
        return new AlertsHandler(new AlertOnDetractor(new DynamoCaseRepository(db.client(), cases),
                new DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable")), emails::add, alerts::add,
                events::addAll, new DynamoDeliveryLedger(db.client(), cases),
                new AlertSettings("support", "fallback@demo.example", Duration.ofHours(48), "http://localhost:3000")),
                new io.halqe.domain.suppression.RecordEmailFeedback(
                        new io.halqe.aws.dynamo.DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"))));
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
}
