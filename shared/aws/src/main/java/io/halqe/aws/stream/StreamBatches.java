package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import io.halqe.aws.runtime.StructuredLog;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB stream batch processed as one unit (one directory lookup, one aggregate write per day): when it fails,
 * every record is reported failed, so Lambda retries it (and, with BisectBatchOnFunctionError, halves it).
 */
public final class StreamBatches {

    private StreamBatches() {
    }

    public static StreamsEventResponse process(DynamodbEvent event,
                                               Consumer<List<DynamodbEvent.DynamodbStreamRecord>> batchHandler,
                                               StructuredLog log) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        try {
            batchHandler.accept(records);
            return new StreamsEventResponse(List.of());
        } catch (RuntimeException failure) {
            log.error("the batch failed and will be retried", Map.of("records", records.size()), failure);
            return new StreamsEventResponse(records.stream().map(record ->
                    new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())).toList());
        }
    }

    public static Map<String, AttributeValue> newImage(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getNewImage());
    }

    public static Map<String, AttributeValue> keys(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getKeys());
    }
}
