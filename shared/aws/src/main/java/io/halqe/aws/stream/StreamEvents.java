package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.aws.json.Json;
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
 * A DynamoDB stream invocation read, and its answer written, with the project's own mapper. Lambda's typed
 * serializer would do the same through reflection over every event class (about 300 ms of a cold start) and loads
 * Joda time, which the zips leave out.
 */
public final class StreamEvents {

    private StreamEvents() {
    }

    public static DynamodbEvent read(InputStream input) throws IOException {
        JsonNode payload = Json.MAPPER.readTree(input);
        if (payload == null || !payload.path("Records").isArray()) {
            throw new IllegalArgumentException("a stream invocation is a JSON object with Records");
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        payload.path("Records").forEach(node -> records.add(record(node)));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    /** {@code {"batchItemFailures":[{"itemIdentifier":"<sequence number>"}]}}, what ReportBatchItemFailures reads. */
    public static void write(StreamsEventResponse response, OutputStream output) throws IOException {
        List<Map<String, String>> failures = response.getBatchItemFailures() == null ? List.of()
                : response.getBatchItemFailures().stream()
                        .map(failure -> Map.of("itemIdentifier", failure.getItemIdentifier())).toList();
        Json.MAPPER.writeValue(output, Map.of("batchItemFailures", failures));
    }

    private static DynamodbEvent.DynamodbStreamRecord record(JsonNode node) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(text(node, "eventID"));
        record.setEventName(text(node, "eventName"));
        record.setEventVersion(text(node, "eventVersion"));
        record.setEventSource(text(node, "eventSource"));
        record.setEventSourceARN(text(node, "eventSourceARN"));
        record.setAwsRegion(text(node, "awsRegion"));
        JsonNode change = node.path("dynamodb");
        StreamRecord stream = new StreamRecord();
        stream.setKeys(image(change.get("Keys")));
        stream.setNewImage(image(change.get("NewImage")));
        stream.setOldImage(image(change.get("OldImage")));
        stream.setSequenceNumber(text(change, "SequenceNumber"));
        if (change.hasNonNull("SizeBytes")) {
            stream.setSizeBytes(change.get("SizeBytes").asLong());
        }
        if (change.hasNonNull("ApproximateCreationDateTime")) {
            // epoch seconds, with a fraction
            stream.setApproximateCreationDateTime(new Date(Math.round(change.get("ApproximateCreationDateTime").asDouble() * 1000)));
        }
        record.setDynamodb(stream);
        return record;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, AttributeValue> image(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        node.properties().forEach(field -> image.put(field.getKey(), value(field.getValue())));
        return image;
    }

    /** DynamoDB's JSON: one field naming the type. */
    private static AttributeValue value(JsonNode node) {
        var typed = node.properties().iterator();
        if (!typed.hasNext()) {
            throw new IllegalArgumentException("an attribute value names its type");
        }
        var field = typed.next();
        JsonNode value = field.getValue();
        return switch (field.getKey()) {
            case "S" -> new AttributeValue().withS(value.asText());
            case "N" -> new AttributeValue().withN(value.asText());
            case "B" -> new AttributeValue().withB(bytes(value));
            case "SS" -> new AttributeValue().withSS(list(value, JsonNode::asText));
            case "NS" -> new AttributeValue().withNS(list(value, JsonNode::asText));
            case "BS" -> new AttributeValue().withBS(list(value, StreamEvents::bytes));
            case "M" -> new AttributeValue().withM(image(value));
            case "L" -> new AttributeValue().withL(list(value, StreamEvents::value));
            case "NULL" -> new AttributeValue().withNULL(value.asBoolean());
            case "BOOL" -> new AttributeValue().withBOOL(value.asBoolean());
            default -> throw new IllegalArgumentException("an attribute type DynamoDB does not have: " + field.getKey());
        };
    }

    private static ByteBuffer bytes(JsonNode node) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> element) {
        List<T> values = new ArrayList<>();
        node.forEach(item -> values.add(element.apply(item)));
        return values;
    }
}
