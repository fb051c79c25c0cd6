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

    @Test
    void historicalAnswers_shouldCountOnTheirOwnDays_butAnnounceNoShift_whileTheSameAnswersGivenHereDo() {
        db.clear(db.tableName("AggregatesTable"));
        // GIVEN scoring with a recording bus, and two batches of the same answers, mostly promoters one week and
        // mostly detractors the next — one batch imported (historical), the other given here, each in its own survey
        DynamoAggregateStore store = new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable"));
        java.util.List<io.halqe.domain.events.DomainEvent> published = new java.util.ArrayList<>();
        ScoringHandler handler = new ScoringHandler(new io.halqe.domain.scoring.ScoreResponses(store),
                new io.halqe.domain.scoring.DetectShifts(store, published::addAll,
                        new io.halqe.aws.dynamo.DynamoDeliveryLedger(db.client(), db.tableName("AggregatesTable"))),
                java.time.ZoneOffset.UTC, io.halqe.aws.stream.StreamBatches.PoisonRecords.NEVER,
                new io.halqe.aws.metrics.EmfMetrics("Halqe/test", "scoring", line -> { }, java.time.Clock.systemUTC()));
        // WHEN both are scored
        var imported = handler.handleRequest(weeksApart("s-imported", true), context("scoring"));
        var live = handler.handleRequest(weeksApart("s-live", false), context("scoring"));
        // THEN the imported answers count on the days they were given
        assertThat(imported.getBatchItemFailures()).isEmpty();
        assertThat(live.getBatchItemFailures()).isEmpty();
        assertThat(store.days("s-imported", null, null)).extracting(day -> day.day().toString())
                .containsExactly("2026-11-16", "2026-11-23");
        // AND only the answers given here announce the week's shift: an import fills in the past, which is no news
        assertThat(published).singleElement().satisfies(shift -> assertThat(
                ((io.halqe.domain.events.ScoreShifted) shift).surveyId()).isEqualTo("s-live"));
    }

    /** From the sample record: 30 promoters and 5 detractors on Monday 2026-11-16, the reverse a week later. */
    private static DynamodbEvent weeksApart(String surveyId, boolean historical) {
        java.util.List<DynamodbEvent.DynamodbStreamRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            var record = EventLoader.loadDynamoDbEvent(sampleEvent("scoring", "response-enriched.json")).getRecords()
                    .getFirst();
            boolean lastWeek = i < 35;
            boolean promoter = lastWeek ? i < 30 : i < 40;
            var pk = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("S#" + surveyId + "#7");
            var sk = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("R#" + surveyId + ".r" + i);
            record.getDynamodb().setKeys(Map.of("pk", pk, "sk", sk));
            record.getDynamodb().setSequenceNumber(String.valueOf(1000 + i));
            var image = record.getDynamodb().getNewImage();
            image.put("pk", pk);
            image.put("sk", sk);
            image.remove("responseId");
            image.get("surveyId").setS(surveyId);
            image.get("submittedAt").setS(lastWeek ? "2026-11-16T10:00:00Z" : "2026-11-23T10:00:00Z");
            image.get("answers").getM().get("nps").getM().get("value").setN(promoter ? "10" : "2");
            image.get("enrichment").getM().get("npsScore").setN(promoter ? "10" : "2");
            image.get("enrichment").getM().get("npsCategory").setS(promoter ? "promoter" : "detractor");
            if (historical) {
                image.put("historical", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                        .withBOOL(true));
            }
            records.add(record);
        }
        DynamodbEvent batch = new DynamodbEvent();
        batch.setRecords(records);
        return batch;
    }
}
