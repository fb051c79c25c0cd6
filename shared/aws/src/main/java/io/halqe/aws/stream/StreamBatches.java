package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import io.halqe.aws.runtime.StructuredLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB stream batch processed as one unit (one directory lookup, one aggregate write per day). When it fails,
 * it is split in halves, in order, down to the record that fails: the records before it are done, and only from it on
 * is reported failed (Lambda checkpoints before it, retries from it and, with BisectBatchOnFunctionError, isolates
 * it), so one poison record neither stops nor sends back the good ones. Handlers are idempotent, which is what makes
 * running a half again safe.
 */
public final class StreamBatches {

    private StreamBatches() {
    }

    public static StreamsEventResponse process(DynamodbEvent event,
                                               Consumer<List<DynamodbEvent.DynamodbStreamRecord>> batchHandler,
                                               StructuredLog log) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        Optional<DynamodbEvent.DynamodbStreamRecord> failed = firstFailing(records, batchHandler, log);
        return new StreamsEventResponse(failed.map(record -> List.of(
                new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()))).orElse(List.of()));
    }

    /** Runs the records (whole, else half by half, in order); the first record that fails on its own, if any. */
    private static Optional<DynamodbEvent.DynamodbStreamRecord> firstFailing(
            List<DynamodbEvent.DynamodbStreamRecord> records, Consumer<List<DynamodbEvent.DynamodbStreamRecord>> handler,
            StructuredLog log) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        try {
            handler.accept(records);
            return Optional.empty();
        } catch (RuntimeException failure) {
            if (records.size() == 1) {
                DynamodbEvent.DynamodbStreamRecord record = records.getFirst();
                log.error("a record failed and will be retried", Map.of("records", 1,
                        "sequenceNumber", record.getDynamodb().getSequenceNumber()), failure);
                return Optional.of(record);
            }
        }
        int half = records.size() / 2;
        return firstFailing(records.subList(0, half), handler, log)
                .or(() -> firstFailing(records.subList(half, records.size()), handler, log));
    }

    public static Map<String, AttributeValue> newImage(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getNewImage());
    }

    public static Map<String, AttributeValue> keys(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getKeys());
    }
}
