package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.event.ruler.Machine;

/** DynamoDB stream records in the shape Lambda hands them to a function, and Lambda's event filtering. */
public final class StreamRecords {

    private StreamRecords() {
    }

    /** One record of a Lambda DynamoDB event ({@code {"Records":[...]}}), images in DynamoDB JSON. */
    public static ObjectNode toLambdaRecord(Record record, String streamArn, String region) {
        ObjectNode json = Json.object();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", region);
        StreamRecord stream = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (stream.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
        }
        if (stream.hasKeys()) {
            dynamodb.set("Keys", image(stream.keys()));
        }
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", image(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", image(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        if (stream.sizeBytes() != null) {
            dynamodb.put("SizeBytes", stream.sizeBytes());
        }
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
        json.put("eventSourceARN", streamArn);
        if (record.userIdentity() != null) {
            ObjectNode identity = json.putObject("userIdentity");
            identity.put("type", record.userIdentity().type());
            identity.put("principalId", record.userIdentity().principalId());
        }
        return json;
    }

    public static ObjectNode event(List<? extends JsonNode> records) {
        ObjectNode event = Json.object();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return event;
    }

    public static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode json = Json.object();
        item.forEach((name, value) -> json.set(name, attributeValue(value)));
        return json;
    }

    /** An AttributeValue in DynamoDB JSON: {@code {"S":"x"}}, {@code {"N":"1"}}, {@code {"M":{...}}}, ... */
    public static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode json = Json.object();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> value.bs().forEach(bytes -> json.withArray("BS").add(base64(bytes)));
            case M -> json.set("M", image(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(item -> list.add(attributeValue(item)));
            }
            default -> throw new IllegalArgumentException("unknown attribute value " + value);
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    /**
     * Lambda's FilterCriteria: a record passes when any filter's pattern matches its JSON (Event Ruler, the same
     * pattern language). No filters: everything passes.
     */
    public static final class Filter {
        private final Machine machine;

        private Filter(Machine machine) {
            this.machine = machine;
        }

        public static Filter of(List<String> patterns) {
            if (patterns.isEmpty()) {
                return new Filter(null);
            }
            Machine machine = Machine.builder().build();
            for (int i = 0; i < patterns.size(); i++) {
                try {
                    machine.addRule("filter-" + i, patterns.get(i));
                } catch (Exception e) {
                    throw new IllegalArgumentException("invalid filter pattern " + patterns.get(i) + ": " + e.getMessage(), e);
                }
            }
            return new Filter(machine);
        }

        public boolean matches(JsonNode record) {
            if (machine == null) {
                return true;
            }
            try {
                return !machine.rulesForJSONEvent(record.toString()).isEmpty();
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot match record " + record + ": " + e.getMessage(), e);
            }
        }
    }
}
