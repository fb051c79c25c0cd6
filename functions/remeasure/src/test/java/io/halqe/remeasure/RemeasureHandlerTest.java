package io.halqe.remeasure;

import static io.halqe.aws.testing.HandlerTesting.context;
import static io.halqe.aws.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.dynamo.DynamoCaseRepository;
import io.halqe.aws.dynamo.DynamoDeliveryLedger;
import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.testing.LocalDynamoDbPerClass;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.EscalateOverdueCases;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.cases.Mailer;
import io.halqe.domain.cases.Notifier;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.SweepDueOutreach;
import io.halqe.domain.response.FinalizeDrafts;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RemeasureHandlerTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    @Test
    void sampleSweep_shouldSendWhatIsDueAsOfTheScheduledTime_once() throws Exception {
        // GIVEN outreach due one minute before the sample's scheduled time (10:05) and one due after it
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        outreach.schedule(new Outreach("o-due", "invitation", "demo-nps", "c1", "a@example.com", "ar",
                Instant.parse("2026-11-23T10:04:00Z")));
        outreach.schedule(new Outreach("o-later", "invitation", "demo-nps", "c2", "b@example.com", "en",
                Instant.parse("2026-11-23T10:06:00Z")));
        List<Mailer.Email> sent = new ArrayList<>();
        RemeasureHandler handler = handler(outreach, sent);
        // WHEN the sample schedule fires, twice (an overlapping retry)
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), first, context("remeasure"));
        handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), new ByteArrayOutputStream(),
                context("remeasure"));
        // THEN only the due invitation went out, once
        assertThat(Json.MAPPER.readTree(first.toByteArray()).get("sent").asInt()).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(email -> assertThat(email.to()).containsExactly("a@example.com"));
    }

    private static RemeasureHandler handler(DynamoOutreachRepository outreach, List<Mailer.Email> sent) {
        return handler(outreach, sent, new ArrayList<>());
    }

    private static RemeasureHandler handler(DynamoOutreachRepository outreach, List<Mailer.Email> sent,
                                            List<Notifier.Notification> alerts) {
        String cases = db.tableName("CasesTable");
        return new RemeasureHandler(new SweepDueOutreach(outreach, sent::add, "http://localhost:3000"),
                new FinalizeDrafts(new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"))),
                new EscalateOverdueCases(new DynamoCaseRepository(db.client(), cases), sent::add, alerts::add,
                        new DynamoDeliveryLedger(db.client(), cases), "escalations@example.com", "http://localhost:3000"));
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

    @Test
    void scheduledTime_shouldComeFromInputOrEnvelope() throws Exception {
        assertThat(RemeasureHandler.scheduledTime(Json.MAPPER.readTree("{\"scheduledTime\":\"2026-01-01T00:00:00Z\"}")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(RemeasureHandler.scheduledTime(Json.MAPPER.readTree("{\"time\":\"2026-01-02T00:00:00Z\"}")))
                .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }
}
