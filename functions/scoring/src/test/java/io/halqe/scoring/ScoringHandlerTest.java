package io.halqe.scoring;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.aws.runtime.LambdaEnvironment;
import io.halqe.domain.scoring.Tally;
import io.halqe.local.runtime.testing.HandlerTesting;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoringHandlerTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    /** The scoring function as Lambda constructs it, from its environment. */
    private static ScoringHandler handler(String timeZone) {
        return LambdaEnvironment.with(HandlerTesting.environment(db,
                Map.of("HALQE_AGGREGATES_TABLE", db.tableName("AggregatesTable"), "HALQE_TIME_ZONE", timeZone,
                        "HALQE_EVENT_BUS_NAME", "halqe-test", "HALQE_CASES_TABLE", db.tableName("CasesTable"),
                        "HALQE_LIMITS_TABLE", db.tableName("LimitsTable"), "HALQE_METRICS_NAMESPACE", "Halqe/test")),
                ScoringHandler::new);
    }

    @Test
    void sampleModify_shouldCountTheDetractorOnce_whenDeliveredTwice() {
        db.clear(db.tableName("AggregatesTable"));
        // GIVEN the scoring function as Lambda constructs it
        ScoringHandler handler = handler("Asia/Tehran");
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(sampleEvent("scoring", "response-enriched.json"));
        // WHEN the sample batch is delivered twice
        var first = handler.handleRequest(event, context("scoring"));
        var second = handler.handleRequest(event, context("scoring"));
        // THEN one detractor, on the day it was answered in Tehran (10:00Z is 13:30 there), with partition 7's watermark
        assertThat(first.getBatchItemFailures()).isEmpty();
        assertThat(second.getBatchItemFailures()).isEmpty();
        DynamoAggregateStore store = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"));
        var days = store.days("demo-nps", null, null);
        assertThat(days).singleElement().satisfies(day -> {
            assertThat(day.day()).isEqualTo(java.time.LocalDate.parse("2026-11-23"));
            assertThat(day.cells().get("all=all")).isEqualTo(new Tally(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
            assertThat(day.cells()).containsKeys("language=fa", "theme=delivery", "plan=pro", "segment=enterprise");
            assertThat(day.watermarks()).containsOnlyKeys(7);
        });
    }

    @Test
    void poisonRecord_shouldBeRetriedTwice_thenParked_whileTheRecordAfterItIsCounted() {
        // GIVEN the scoring function as Lambda constructs it, and a batch whose first record cannot be read
        db.clear(db.tableName("AggregatesTable"));
        ScoringHandler handler = handler("UTC");
        DynamodbEvent good = EventLoader.loadDynamoDbEvent(sampleEvent("scoring", "response-enriched.json"));
        DynamodbEvent.DynamodbStreamRecord poison = EventLoader.loadDynamoDbEvent(
                sampleEvent("scoring", "response-enriched.json")).getRecords().getFirst();
        poison.getDynamodb().getNewImage().remove("submittedAt");
        poison.getDynamodb().setKeys(Map.of("pk", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("S#poison#1"),
                "sk", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("R#r-poison")));
        poison.getDynamodb().setSequenceNumber("100");
        good.getRecords().getFirst().getDynamodb().setSequenceNumber("200");
        DynamodbEvent batch = new DynamodbEvent();
        batch.setRecords(java.util.List.of(poison, good.getRecords().getFirst()));
        var parked = new io.halqe.aws.dynamo.DynamoParkedWork(db.client(), db.tableName("CasesTable"), null);
        // WHEN Lambda delivers it, and retries from the failed record, as it would
        var first = handler.handleRequest(batch, context("scoring"));
        var second = handler.handleRequest(batch, context("scoring"));
        // THEN the first two attempts ask for a retry from the poison record, and nothing is parked yet
        assertThat(first.getBatchItemFailures()).extracting(f -> f.getItemIdentifier()).containsExactly("100");
        assertThat(second.getBatchItemFailures()).extracting(f -> f.getItemIdentifier()).containsExactly("100");
        assertThat(parked.find("scoring:r-poison")).isEmpty();
        // WHEN the third attempt fails too
        var third = handler.handleRequest(batch, context("scoring"));
        // THEN it is parked with why and its response's key, and the record after it is counted, once
        assertThat(third.getBatchItemFailures()).isEmpty();
        assertThat(parked.find("scoring:r-poison")).get().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(3);
            assertThat(entry.detail()).containsEntry("pk", "S#poison#1").containsEntry("sk", "R#r-poison");
            assertThat(entry.reason()).isNotBlank();
        });
        var days = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")).days("demo-nps", null, null);
        assertThat(days).singleElement().satisfies(day ->
                assertThat(day.cells().get("all=all").responses()).isEqualTo(1));
    }
}
