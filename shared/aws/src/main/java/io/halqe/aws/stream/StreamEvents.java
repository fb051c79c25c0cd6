package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.halqe.aws.json.JsonStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A DynamoDB stream invocation read, and its answer written, with Jackson's streaming core ({@link JsonStreams}).
 * Lambda's typed serializer would do the same through reflection over every event class (about 300 ms of a cold
 * start) and loads Joda time, which the zips leave out; the data-binding mapper would add about 100 ms more.
 */
public final class StreamEvents {

    private StreamEvents() {
    }

    public static DynamodbEvent read(InputStream input) throws IOException {
        Object payload = JsonStreams.read(input);
        if (!(payload instanceof Map<?, ?> invocation) || !(invocation.get("Records") instanceof List<?> records)) {
            throw new IllegalArgumentException("a stream invocation is a JSON object with Records");
        }
        List<DynamodbEvent.DynamodbStreamRecord> read = new ArrayList<>();
        records.forEach(record -> read.add(record(object(record))));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(read);
        return event;
    }

    /** {@code {"batchItemFailures":[{"itemIdentifier":"<sequence number>"}]}}, what ReportBatchItemFailures reads. */
    public static void write(StreamsEventResponse response, OutputStream output) throws IOException {
        List<StreamsEventResponse.BatchItemFailure> failures = response.getBatchItemFailures() == null ? List.of()
                : response.getBatchItemFailures();
        JsonStreams.write(output, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            for (StreamsEventResponse.BatchItemFailure failure : failures) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", failure.getItemIdentifier());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static DynamodbEvent.DynamodbStreamRecord record(Map<?, ?> node) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(text(node, "eventID"));
        record.setEventName(text(node, "eventName"));
        record.setEventVersion(text(node, "eventVersion"));
        record.setEventSource(text(node, "eventSource"));
        record.setEventSourceARN(text(node, "eventSourceARN"));
        record.setAwsRegion(text(node, "awsRegion"));
        Map<?, ?> change = node.get("dynamodb") instanceof Map<?, ?> map ? map : Map.of();
        StreamRecord stream = new StreamRecord();
        stream.setKeys(image(change.get("Keys")));
        stream.setNewImage(image(change.get("NewImage")));
        stream.setOldImage(image(change.get("OldImage")));
        stream.setSequenceNumber(text(change, "SequenceNumber"));
        if (change.get("SizeBytes") instanceof Number size) {
            stream.setSizeBytes(size.longValue());
        }
        if (change.get("ApproximateCreationDateTime") instanceof Number created) {
            // epoch seconds, with a fraction
            stream.setApproximateCreationDateTime(new Date(Math.round(created.doubleValue() * 1000)));
        }
        record.setDynamodb(stream);
        return record;
    }

    private static Map<?, ?> object(Object node) {
        if (!(node instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("a stream record is a JSON object");
        }
        return object;
    }

    private static String text(Map<?, ?> node, String field) {
        Object value = node.get(field);
        return value == null ? null : value.toString();
    }

    private static Map<String, AttributeValue> image(Object node) {
        if (!(node instanceof Map<?, ?> object)) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        object.forEach((name, value) -> image.put((String) name, value(value)));
        return image;
    }

    /** DynamoDB's JSON: one field naming the type. */
    private static AttributeValue value(Object node) {
        if (!(node instanceof Map<?, ?> typed) || typed.isEmpty()) {
            throw new IllegalArgumentException("an attribute value names its type");
        }
        var field = typed.entrySet().iterator().next();
        Object value = field.getValue();
        return switch ((String) field.getKey()) {
            case "S" -> new AttributeValue().withS(String.valueOf(value));
            case "N" -> new AttributeValue().withN(String.valueOf(value));
            case "B" -> new AttributeValue().withB(bytes(value));
            case "SS" -> new AttributeValue().withSS(list(value, String::valueOf));
            case "NS" -> new AttributeValue().withNS(list(value, String::valueOf));
            case "BS" -> new AttributeValue().withBS(list(value, StreamEvents::bytes));
            case "M" -> new AttributeValue().withM(image(value));
            case "L" -> new AttributeValue().withL(list(value, StreamEvents::value));
            case "NULL" -> new AttributeValue().withNULL(truth(value));
            case "BOOL" -> new AttributeValue().withBOOL(truth(value));
            default -> throw new IllegalArgumentException("an attribute type DynamoDB does not have: " + field.getKey());
        };
    }

    private static boolean truth(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static ByteBuffer bytes(Object node) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(String.valueOf(node)));
    }

    private static <T> List<T> list(Object node, Function<Object, T> element) {
        List<T> values = new ArrayList<>();
        if (node instanceof List<?> items) {
            items.forEach(item -> values.add(element.apply(item)));
        }
        return values;
    }
}
