package io.halqe.aws.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamEventsTest {

    private static final String BATCH = """
            {"Records":[{"eventID":"e1","eventName":"MODIFY","eventSource":"aws:dynamodb","awsRegion":"eu-west-1",
              "eventSourceARN":"arn:aws:dynamodb:eu-west-1:1:table/R/stream/x","dynamodb":{
              "Keys":{"pk":{"S":"S#s#1"},"sk":{"S":"R#r"}},
              "NewImage":{"pk":{"S":"S#s#1"},"n":{"N":"9"},"b":{"B":"aGk="},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},
                "bs":{"BS":["aGk="]},"m":{"M":{"x":{"BOOL":true}}},"l":{"L":[{"S":"y"},{"NULL":true}]}},
              "OldImage":{"pk":{"S":"S#s#1"}},
              "SequenceNumber":"42","SizeBytes":120,"ApproximateCreationDateTime":1767225600.5,"StreamViewType":"NEW_AND_OLD_IMAGES"}}]}
            """;

    @Test
    void read_shouldGiveEveryAttributeTypeAndTheRecordsFields_whenLambdaSendsABatch() throws Exception {
        // WHEN a stream batch is read with our own mapper
        var event = StreamEvents.read(new ByteArrayInputStream(BATCH.getBytes(StandardCharsets.UTF_8)));
        // THEN the record's fields and every DynamoDB type come through, as the SDK's attribute values
        var record = event.getRecords().getFirst();
        assertThat(record.getEventID()).isEqualTo("e1");
        assertThat(record.getEventName()).isEqualTo("MODIFY");
        assertThat(record.getDynamodb().getSequenceNumber()).isEqualTo("42");
        assertThat(record.getDynamodb().getApproximateCreationDateTime().getTime()).isEqualTo(1767225600500L);
        assertThat(StreamBatches.keys(record)).containsEntry("sk", AttributeValue.fromS("R#r"));
        var image = StreamBatches.newImage(record);
        assertThat(image.get("n")).isEqualTo(AttributeValue.fromN("9"));
        assertThat(image.get("b")).isEqualTo(AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
        assertThat(image.get("ss").ss()).containsExactly("a", "b");
        assertThat(image.get("ns").ns()).containsExactly("1", "2");
        assertThat(image.get("bs").bs()).containsExactly(SdkBytes.fromUtf8String("hi"));
        assertThat(image.get("m").m()).containsEntry("x", AttributeValue.fromBool(true));
        assertThat(image.get("l").l()).containsExactly(AttributeValue.fromS("y"), AttributeValue.fromNul(true));
        assertThat(record.getDynamodb().getOldImage()).containsOnlyKeys("pk");
    }

    @Test
    void read_shouldRefuse_whenTheInvocationIsNoStreamBatch() {
        assertThatThrownBy(() -> StreamEvents.read(new ByteArrayInputStream("{\"detail-type\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_shouldNameTheFailedRecords_whenSomeFailed() throws Exception {
        // GIVEN an answer reporting one failed record
        var out = new ByteArrayOutputStream();
        // WHEN written
        StreamEvents.write(new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("42"))), out);
        // THEN it is what ReportBatchItemFailures reads
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"42\"}]}");
    }
}
