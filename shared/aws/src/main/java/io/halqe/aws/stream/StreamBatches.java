package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Processes a DynamoDB stream batch in order, in chunks; the first failing chunk and everything after it are
 * reported as failed items, so Lambda retries from there (and earlier chunks are not redone).
 */
public final class StreamBatches {

    private StreamBatches() {
    }

    public static StreamsEventResponse process(DynamodbEvent event, int chunkSize,
                                               Consumer<List<DynamodbEvent.DynamodbStreamRecord>> chunkHandler,
                                               Consumer<RuntimeException> onFailure) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (int from = 0; from < records.size(); from += chunkSize) {
            try {
                chunkHandler.accept(records.subList(from, Math.min(records.size(), from + chunkSize)));
            } catch (RuntimeException failure) {
                onFailure.accept(failure);
                List<StreamsEventResponse.BatchItemFailure> failed = new ArrayList<>();
                for (var record : records.subList(from, records.size())) {
                    failed.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                }
                return new StreamsEventResponse(failed);
            }
        }
        return new StreamsEventResponse(List.of());
    }

    public static Map<String, AttributeValue> newImage(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getNewImage());
    }

    public static Map<String, AttributeValue> keys(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getKeys());
    }
}
