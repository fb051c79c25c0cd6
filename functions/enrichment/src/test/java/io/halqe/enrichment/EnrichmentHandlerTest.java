package io.halqe.enrichment;

import static io.halqe.local.runtime.testing.HandlerTesting.context;
import static io.halqe.local.runtime.testing.HandlerTesting.sampleEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.halqe.aws.dynamo.DynamoCustomerDirectory;
import io.halqe.aws.dynamo.DynamoResponseRepository;
import io.halqe.aws.dynamo.ResponseItems;
import io.halqe.aws.metrics.EmfMetrics;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.QuestionType;
import io.halqe.local.runtime.testing.EmfLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import io.halqe.aws.dynamo.DynamoRoutingRules;
import io.halqe.aws.dynamo.DynamoSurveyRepository;
import io.halqe.aws.routing.EventRulerRouter;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.enrichment.EnrichResponses;
import io.halqe.aws.stream.StreamBatches;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.response.ResponseStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnrichmentHandlerTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoResponseRepository responses;
    private final List<DomainEvent> published = new ArrayList<>();
    private boolean busDown;
    private final EmfLines emf = new EmfLines();

    @BeforeAll
    static void start() {
        responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
    }

    @BeforeEach
    void storeTheSampleResponse() {
        db.clear(db.tableName("ResponsesTable"));
        db.clear(db.tableName("AggregatesTable"));
        DynamodbEvent sample = EventLoader.loadDynamoDbEvent(sampleEvent("enrichment", "response-inserted.json"));
        responses.insertIfAbsent(ResponseItems.fromItem(StreamBatches.newImage(sample.getRecords().get(0))));
    }

    private static io.halqe.aws.dynamo.DynamoChangeFeed feed() {
        return new io.halqe.aws.dynamo.DynamoChangeFeed(db.client(), db.tableName("AggregatesTable"),
                java.time.Clock.systemUTC());
    }

    private EnrichmentHandler handler() {
        return handler(StreamBatches.PoisonRecords.NEVER);
    }

    private EnrichmentHandler handler(StreamBatches.PoisonRecords poison) {
        String directoryTable = db.tableName("DirectoryTable");
        return new EnrichmentHandler(new EnrichResponses(responses, events -> {
            if (busDown) {
                throw new IllegalStateException("bus unavailable");
            }
            published.addAll(events);
        }, ANALYZER, new DynamoCustomerDirectory(db.client(), directoryTable),
                new EventRulerRouter(new DynamoRoutingRules(db.client(), directoryTable)::current),
                new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable"))), poison,
                new io.halqe.domain.response.NoteChanges(feed()),
                new EmfMetrics("Halqe/test", "enrichment", emf, Clock.systemUTC()));
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
    void sampleInsert_shouldNoteTheAnswerInTheChangeFeed_onlyOnceAnalysed() {
        // GIVEN the sample INSERT, first while the bus is down, then again
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(sampleEvent("enrichment", "response-inserted.json"));
        String surveyId = StreamBatches.newImage(event.getRecords().get(0)).get("surveyId").s();
        busDown = true;
        handler().handleRequest(event, context("enrichment"));
        var whileFailing = feed().after(surveyId, java.util.Map.of(), 100);
        busDown = false;
        // WHEN handled
        handler().handleRequest(event, context("enrichment"));
        // THEN the answer is named in the feed at its record's place only after the analysed batch went through
        assertThat(whileFailing).isEmpty();
        assertThat(feed().after(surveyId, java.util.Map.of(), 100)).singleElement().satisfies(entry -> {
            assertThat(entry.sequenceNumber()).isEqualTo("111100000000000000000001");
            assertThat(entry.responseIds()).containsExactly("3f2c1b9e-0d7a-4b6e-9a51-2c8f7e6d5a41");
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

    @Test
    void sampleInsert_shouldEmitOneAnswerAnalysed_whenLambdaInvokesTheFunction() throws IOException {
        // GIVEN the sample INSERT as Lambda hands it to the function
        byte[] event = Files.readAllBytes(Path.of(sampleEvent("enrichment", "response-inserted.json")));
        // WHEN the function is invoked
        handler().handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context("enrichment"));
        // THEN its EMF line counts one answer analysed, in the namespace, with the function as dimension
        assertThat(emf.documents()).singleElement().satisfies(document -> {
            assertThat(document.namespace()).isEqualTo("Halqe/test");
            assertThat(document.dimensions()).containsExactly(List.of("Service"));
            assertThat(document.member("Service")).isEqualTo("enrichment");
            assertThat(document.units()).containsOnly(Map.entry("AnswersAnalysed", "Count"));
            assertThat(document.values()).containsOnly(Map.entry("AnswersAnalysed", 1.0));
        });
    }

    @Test
    void failure_shouldEmitItemsParked_andNoAnswerAnalysed_whenTheRecordIsParked() throws IOException {
        // GIVEN the bus rejects events, and the record has failed often enough to be parked
        busDown = true;
        byte[] event = Files.readAllBytes(Path.of(sampleEvent("enrichment", "response-inserted.json")));
        // WHEN the function is invoked
        handler((record, failure) -> true).handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(),
                context("enrichment"));
        // THEN its EMF line counts one parked item and nothing analysed
        assertThat(emf.documents()).singleElement()
                .satisfies(document -> assertThat(document.values()).containsOnly(Map.entry("ItemsParked", 1.0)));
    }

    /** Counts the SDK requests a client sends, by request type. */
    private static final class RequestCounter implements ExecutionInterceptor {
        final Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.merge(context.request().getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    @Test
    void batch_shouldLookItsCustomersUpInOneBatchGetItem_whenAHundredRecordsArrive() {
        // GIVEN 100 new responses from 100 different customers, 60 of them known to the directory
        RequestCounter counter = new RequestCounter();
        DynamoDbClient counted = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
        String directoryTable = db.tableName("DirectoryTable");
        var directory = new DynamoCustomerDirectory(db.client(), directoryTable);
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            if (i < 60) {
                directory.upsert(new CustomerProfile("bulk-" + i, null, null, null, "smb", null, null, null, null, "en",
                        null, Map.of(), Instant.parse("2026-11-01T00:00:00Z")));
            }
            Response response = new Response("bulk-r-" + i, "demo-nps", 1,
                    Map.of("nps", new Answer.Score(QuestionType.NPS, i % 11), "comment", new Answer.Text("Delivery was late")),
                    "en", Instant.parse("2026-11-23T10:00:00Z"), ResponseStatus.RECEIVED, null, Map.of(), "bulk-" + i, null, false);
            responses.insertIfAbsent(response);
            DynamodbEvent.DynamodbStreamRecord record = EventLoader.loadDynamoDbEvent(
                    sampleEvent("enrichment", "response-inserted.json")).getRecords().get(0);
            record.getDynamodb().setNewImage(lambdaImage(ResponseItems.toItem(response)));
            record.getDynamodb().setSequenceNumber(Long.toString(1_000_000L + i));
            records.add(record);
        }
        DynamodbEvent batch = new DynamodbEvent();
        batch.setRecords(records);
        EnrichmentHandler handler = new EnrichmentHandler(new EnrichResponses(new DynamoResponseRepository(counted,
                db.tableName("ResponsesTable")), published::addAll, ANALYZER, new DynamoCustomerDirectory(counted, directoryTable),
                new EventRulerRouter(new DynamoRoutingRules(counted, directoryTable)::current),
                new DynamoSurveyRepository(counted, db.tableName("SurveysTable"))), StreamBatches.PoisonRecords.NEVER,
                new io.halqe.domain.response.NoteChanges(new io.halqe.aws.dynamo.DynamoChangeFeed(counted,
                        db.tableName("AggregatesTable"), java.time.Clock.systemUTC())),
                new EmfMetrics("Halqe/test", "enrichment", emf, Clock.systemUTC()));
        // WHEN the batch is handled
        var result = handler.handleRequest(batch, context("enrichment"));
        // THEN the customers' profiles and health come in batched reads (100 customers × 2 items = 2 BatchGetItem of
        // 100 keys), the history goes out in batched writes (60 entries = 3 of 25) and each of the 60 customers' health
        // in a put conditional on the version read (a batched write cannot carry the condition that keeps a parallel
        // batch from dropping an answer; the write units are the same); nothing else per record but the response's own
        // update; the change feed takes an entry per 25 records of a partition (the sample's records all carry the
        // sample's keys: one partition)
        assertThat(result.getBatchItemFailures()).isEmpty();
        assertThat(counter.calls).containsEntry("PutItemRequest", 4 + 60);
        assertThat(counter.calls).containsEntry("BatchGetItemRequest", 2).containsEntry("UpdateItemRequest", 100)
                .containsEntry("BatchWriteItemRequest", 3).doesNotContainKey("QueryRequest");
        assertThat(counter.calls.getOrDefault("GetItemRequest", 0)).isLessThanOrEqualTo(2);
        assertThat(published).hasSize(100);
        assertThat(responses.find("bulk-r-7").orElseThrow().enrichment().customer().segment()).isEqualTo("smb");
        assertThat(responses.find("bulk-r-7").orElseThrow().enrichment().customer().attributes()).containsKey("health");
        assertThat(responses.find("bulk-r-77").orElseThrow().enrichment().customer()).isNull();
    }

    /** SDK v2 attribute values as the Lambda event model carries them (what a stream record's image holds). */
    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambdaImage(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image = new HashMap<>();
        item.forEach((name, value) -> image.put(name, lambdaValue(value)));
        return image;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue lambdaValue(
            software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        var converted = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (value.s() != null) {
            converted.setS(value.s());
        } else if (value.n() != null) {
            converted.setN(value.n());
        } else if (value.bool() != null) {
            converted.setBOOL(value.bool());
        } else if (value.hasM()) {
            converted.setM(lambdaImage(value.m()));
        } else if (value.hasL()) {
            converted.setL(value.l().stream().map(EnrichmentHandlerTest::lambdaValue).toList());
        }
        return converted;
    }
}
