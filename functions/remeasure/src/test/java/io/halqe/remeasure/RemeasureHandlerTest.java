package io.halqe.remeasure;

import static io.halqe.aws.testing.HandlerTesting.context;
import static io.halqe.aws.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.dynamo.DynamoOutreachRepository;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.json.Json;
import io.halqe.aws.testing.LocalDynamoDbPerClass;
import io.halqe.domain.cases.Mailer;
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
        RemeasureHandler handler = new RemeasureHandler(new SweepDueOutreach(outreach, sent::add, "http://localhost:3000"),
                new FinalizeDrafts(new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"))));
        // WHEN the sample schedule fires, twice (an overlapping retry)
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), first, context("remeasure"));
        handler.handleRequest(new FileInputStream(sampleEvent("remeasure", "scheduled-sweep.json")), new ByteArrayOutputStream(),
                context("remeasure"));
        // THEN only the due invitation went out, once
        assertThat(Json.MAPPER.readTree(first.toByteArray()).get("sent").asInt()).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(email -> assertThat(email.to()).containsExactly("a@example.com"));
    }

    @Test
    void scheduledTime_shouldComeFromInputOrEnvelope() throws Exception {
        assertThat(RemeasureHandler.scheduledTime(Json.MAPPER.readTree("{\"scheduledTime\":\"2026-01-01T00:00:00Z\"}")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(RemeasureHandler.scheduledTime(Json.MAPPER.readTree("{\"time\":\"2026-01-02T00:00:00Z\"}")))
                .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }
}
