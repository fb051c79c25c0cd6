package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.local.runtime.SamTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Stream records as Lambda hands them over, and the template's FilterCriteria on them. */
class StreamRecordsTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026";

    private static Record record(OperationType operation, Map<String, AttributeValue> newImage,
                                 Map<String, AttributeValue> oldImage) {
        StreamRecord.Builder stream = StreamRecord.builder()
                .approximateCreationDateTime(Instant.ofEpochSecond(1_700_000_000))
                .keys(Map.of("pk", AttributeValue.fromS("S#demo-nps#1"), "sk", AttributeValue.fromS("R#r1")))
                .sequenceNumber("000001").sizeBytes(42L).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
        if (newImage != null) {
            stream.newImage(newImage);
        }
        if (oldImage != null) {
            stream.oldImage(oldImage);
        }
        return Record.builder().eventID("e1").eventName(operation).dynamodb(stream.build()).build();
    }

    private static StreamRecords.Filter templateFilter(String functionId) {
        SamTemplate.Event event = SamTemplate.load().function(functionId).events("DynamoDB").get(0);
        List<String> patterns = SamTemplate.list(SamTemplate.map(event.properties().get("FilterCriteria")).get("Filters"))
                .stream().map(filter -> (String) SamTemplate.map(filter).get("Pattern")).toList();
        return StreamRecords.Filter.of(patterns);
    }

    @Test
    void toLambdaRecord_shouldHaveLambdasShapeAndDynamoDbJson_whenConverted() {
        // GIVEN an insert with every kind of attribute value
        Map<String, AttributeValue> image = Map.of(
                "s", AttributeValue.fromS("x"), "n", AttributeValue.fromN("9"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                "bool", AttributeValue.fromBool(true), "nul", AttributeValue.fromNul(true), "ss", AttributeValue.fromSs(List.of("a", "b")),
                "m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))), "l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));
        // WHEN it is converted
        ObjectNode json = StreamRecords.toLambdaRecord(record(OperationType.INSERT, image, null), ARN, "us-east-1");
        // THEN the envelope and the images are what Lambda sends
        assertThat(json.path("eventID").asText()).isEqualTo("e1");
        assertThat(json.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(json.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(json.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(json.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(json.path("eventSourceARN").asText()).isEqualTo(ARN);
        JsonNode dynamodb = json.path("dynamodb");
        assertThat(dynamodb.path("ApproximateCreationDateTime").asLong()).isEqualTo(1_700_000_000L);
        assertThat(dynamodb.path("Keys").path("sk").path("S").asText()).isEqualTo("R#r1");
        assertThat(dynamodb.path("SequenceNumber").asText()).isEqualTo("000001");
        assertThat(dynamodb.path("SizeBytes").asLong()).isEqualTo(42);
        assertThat(dynamodb.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        JsonNode newImage = dynamodb.path("NewImage");
        assertThat(newImage.path("n").path("N").asText()).isEqualTo("9");
        assertThat(newImage.path("b").path("B").asText()).isEqualTo("aGk=");
        assertThat(newImage.path("bool").path("BOOL").asBoolean()).isTrue();
        assertThat(newImage.path("nul").path("NULL").asBoolean()).isTrue();
        assertThat(newImage.path("ss").path("SS").get(1).asText()).isEqualTo("b");
        assertThat(newImage.path("m").path("M").path("k").path("S").asText()).isEqualTo("v");
        assertThat(newImage.path("l").path("L").get(0).path("N").asText()).isEqualTo("1");
        assertThat(dynamodb.has("OldImage")).isFalse();
    }

    @Test
    void toLambdaRecord_shouldDeserializeWithTheRuntimesSerializer_whenHandedToADynamodbEvent() {
        // GIVEN a converted record in an event
        ObjectNode record = StreamRecords.toLambdaRecord(record(OperationType.MODIFY,
                Map.of("status", AttributeValue.fromS("enriched")), Map.of("status", AttributeValue.fromS("received"))), ARN, "us-east-1");
        String event = StreamRecords.event(List.of(record)).toString();
        // WHEN the Java runtime's serializer reads it
        DynamodbEvent parsed = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader()).fromJson(event);
        // THEN the typed event has every field
        DynamodbEvent.DynamodbStreamRecord typed = parsed.getRecords().get(0);
        assertThat(typed.getEventName()).isEqualTo("MODIFY");
        assertThat(typed.getEventSourceARN()).isEqualTo(ARN);
        assertThat(typed.getDynamodb().getNewImage().get("status").getS()).isEqualTo("enriched");
        assertThat(typed.getDynamodb().getOldImage().get("status").getS()).isEqualTo("received");
        assertThat(typed.getDynamodb().getSequenceNumber()).isEqualTo("000001");
        assertThat(typed.getDynamodb().getApproximateCreationDateTime().getTime()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void filter_shouldPassOnlyNewResponses_whenItIsTheEnrichmentFilterOfTheTemplate() {
        // GIVEN the enrichment function's FilterCriteria
        StreamRecords.Filter filter = templateFilter("EnrichmentFunction");
        Map<String, AttributeValue> response = Map.of("type", AttributeValue.fromS("response"), "status", AttributeValue.fromS("received"));
        // WHEN inserts of a response and of something else, and a modify, are matched
        // THEN only the response insert passes
        assertThat(filter.matches(StreamRecords.toLambdaRecord(record(OperationType.INSERT, response, null), ARN, "us-east-1"))).isTrue();
        assertThat(filter.matches(StreamRecords.toLambdaRecord(record(OperationType.INSERT,
                Map.of("type", AttributeValue.fromS("marker")), null), ARN, "us-east-1"))).isFalse();
        assertThat(filter.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, response, response), ARN, "us-east-1"))).isFalse();
    }

    @Test
    void filter_shouldPassOnlyTheReceivedToEnrichedTransition_whenItIsTheScoringFilterOfTheTemplate() {
        // GIVEN the scoring function's FilterCriteria
        StreamRecords.Filter filter = templateFilter("ScoringFunction");
        Map<String, AttributeValue> enriched = Map.of("type", AttributeValue.fromS("response"), "status", AttributeValue.fromS("enriched"));
        Map<String, AttributeValue> received = Map.of("type", AttributeValue.fromS("response"), "status", AttributeValue.fromS("received"));
        // WHEN transitions are matched
        // THEN received -> enriched passes, enriched -> enriched (a replay) and the insert do not
        assertThat(filter.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, enriched, received), ARN, "us-east-1"))).isTrue();
        assertThat(filter.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, enriched, enriched), ARN, "us-east-1"))).isFalse();
        assertThat(filter.matches(StreamRecords.toLambdaRecord(record(OperationType.INSERT, received, null), ARN, "us-east-1"))).isFalse();
    }

    @Test
    void filter_shouldPassAParkedRecordsResponseOnce_whenATeamRequeuesItForThatFunction() {
        StreamRecords.Filter scoring = templateFilter("ScoringFunction");
        StreamRecords.Filter enrichment = templateFilter("EnrichmentFunction");
        Map<String, AttributeValue> enriched = Map.of("type", AttributeValue.fromS("response"), "status", AttributeValue.fromS("enriched"));
        Map<String, AttributeValue> received = Map.of("type", AttributeValue.fromS("response"), "status", AttributeValue.fromS("received"));
        java.util.function.BiFunction<Map<String, AttributeValue>, String, Map<String, AttributeValue>> marked = (image, function) -> {
            Map<String, AttributeValue> copy = new java.util.HashMap<>(image);
            copy.put("requeuedFor", AttributeValue.fromS(function));
            return copy;
        };
        // WHEN the mark appears on an enriched response THEN scoring gets it, enrichment does not
        assertThat(scoring.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, marked.apply(enriched, "scoring"), enriched), ARN, "us-east-1"))).isTrue();
        assertThat(enrichment.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, marked.apply(enriched, "scoring"), enriched), ARN, "us-east-1"))).isFalse();
        // AND on a received response, enrichment gets it, scoring does not
        assertThat(enrichment.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, marked.apply(received, "enrichment"), received), ARN, "us-east-1"))).isTrue();
        assertThat(scoring.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, marked.apply(received, "enrichment"), received), ARN, "us-east-1"))).isFalse();
        // AND a later change to a marked response (the mark already there) or the mark's removal passes neither
        assertThat(scoring.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, marked.apply(enriched, "scoring"), marked.apply(enriched, "scoring")), ARN, "us-east-1"))).isFalse();
        assertThat(scoring.matches(StreamRecords.toLambdaRecord(record(OperationType.MODIFY, enriched, marked.apply(enriched, "scoring")), ARN, "us-east-1"))).isFalse();
    }

    @Test
    void firstFailure_shouldFindTheEarliestReportedRecord_whenTheResponseNamesSequenceNumbers() {
        // GIVEN a batch of three records
        List<ObjectNode> batch = List.of(seq("1"), seq("2"), seq("3"));
        // WHEN responses report failures
        // THEN the earliest failed index counts; an unknown id fails the whole batch; none is success
        assertThat(StreamBatch.firstFailure(batch, "{\"batchItemFailures\":[{\"itemIdentifier\":\"3\"},{\"itemIdentifier\":\"2\"}]}")).isEqualTo(1);
        assertThat(StreamBatch.firstFailure(batch, "{\"batchItemFailures\":[{\"itemIdentifier\":\"9\"}]}")).isZero();
        assertThat(StreamBatch.firstFailure(batch, "{\"batchItemFailures\":[]}")).isEqualTo(-1);
        assertThat(StreamBatch.firstFailure(batch, "null")).isEqualTo(-1);
    }

    private static ObjectNode seq(String sequence) {
        ObjectNode record = Json.object();
        record.putObject("dynamodb").put("SequenceNumber", sequence);
        return record;
    }
}
