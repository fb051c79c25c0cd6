package io.halqe.enrichment;

import static io.halqe.aws.testing.HandlerTesting.context;
import static io.halqe.aws.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.DynamoRoutingRules;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.routing.EventRulerRouter;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.enrichment.EnrichResponses;
import io.halqe.aws.dynamo.ResponseItems;
import io.halqe.aws.stream.StreamBatches;
import io.halqe.aws.testing.LocalDynamoDb;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.response.ResponseStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichmentHandlerTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static LocalDynamoDb db;
    private static DynamoResponseRepository responses;
    private final List<DomainEvent> published = new ArrayList<>();
    private boolean busDown;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void storeTheSampleResponse() {
        db.clear(db.tableName("ResponsesTable"));
        DynamodbEvent sample = EventLoader.loadDynamoDbEvent(sampleEvent("enrichment", "response-inserted.json"));
        responses.insertIfAbsent(ResponseItems.fromItem(StreamBatches.newImage(sample.getRecords().get(0))));
    }

    private EnrichmentHandler handler() {
        String directoryTable = db.tableName("DirectoryTable");
        return new EnrichmentHandler(new EnrichResponses(responses, events -> {
            if (busDown) {
                throw new IllegalStateException("bus unavailable");
            }
            published.addAll(events);
        }, ANALYZER, new DynamoCustomerDirectory(db.client(), directoryTable),
                new EventRulerRouter(new DynamoRoutingRules(db.client(), directoryTable)::current),
                new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable"))));
    }

    @Test
    void sampleInsert_shouldEnrichTheStoredResponseAndPublish() {
        // GIVEN the sample INSERT of a Persian detractor
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(sampleEvent("enrichment", "response-inserted.json"));
        // WHEN handled
        var result = handler().handleRequest(event, context("enrichment"));
        // THEN no failures, the response is enriched, and ResponseEnriched says detractor, fa
        assertThat(result.getBatchItemFailures()).isEmpty();
        var stored = responses.find("3f2c1b9e-0d7a-4b6e-9a51-2c8f7e6d5a41").orElseThrow();
        assertThat(stored.status()).isEqualTo(ResponseStatus.ENRICHED);
        assertThat(stored.enrichment().language()).isEqualTo("fa");
        assertThat(published).singleElement().isInstanceOfSatisfying(ResponseEnriched.class, enriched -> {
            assertThat(enriched.npsCategory()).isEqualTo("detractor");
            assertThat(enriched.comment()).isEqualTo("ارسال سفارش ۳ روز دیر شد");
        });
    }

    @Test
    void failure_shouldReportTheRecordForRetry_whenTheBusIsDown() {
        // GIVEN the bus rejects events
        busDown = true;
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(sampleEvent("enrichment", "response-inserted.json"));
        // WHEN handled
        var result = handler().handleRequest(event, context("enrichment"));
        // THEN the record is reported so Lambda retries it (and the retry publishes)
        assertThat(result.getBatchItemFailures()).extracting(f -> f.getItemIdentifier())
                .containsExactly("111100000000000000000001");
        busDown = false;
        assertThat(handler().handleRequest(event, context("enrichment")).getBatchItemFailures()).isEmpty();
        assertThat(published).hasSize(1);
    }
}
