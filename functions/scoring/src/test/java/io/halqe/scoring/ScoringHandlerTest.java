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

    @Test
    void sampleModify_shouldCountTheDetractorOnce_whenDeliveredTwice() {
        // GIVEN the scoring function as Lambda constructs it
        ScoringHandler handler = LambdaEnvironment.with(HandlerTesting.environment(db,
                Map.of("HALQE_AGGREGATES_TABLE", db.tableName("AggregatesTable"), "HALQE_TIME_ZONE", "Asia/Tehran",
                        "HALQE_EVENT_BUS_NAME", "halqe-test")),
                ScoringHandler::new);
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
}
