package io.halqe.aws.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB stream batch processed as one unit (one directory lookup, one aggregate write per day). When it fails,
 * it is split in halves, in order, down to the record that fails: the records before it are done, and only from it on
 * is reported failed (Lambda checkpoints before it and retries from it), so one poison record neither stops nor sends
 * back the good ones. A record that keeps failing is parked ({@link PoisonRecords}) before Lambda would give up on it,
 * and the records after it go on. Handlers are idempotent, which is what makes running a half again safe. Each record
 * that failed on its own is counted, as parked or as failed (Lambda retries it).
 */
public final class StreamBatches {

    private StreamBatches() {
    }

    /** What becomes of a record that failed on its own. */
    public interface PoisonRecords {
        /** True once the record is parked, so the records after it go on; false to have Lambda retry from it. */
        boolean park(DynamodbEvent.DynamodbStreamRecord record, RuntimeException failure);

        PoisonRecords NEVER = (record, failure) -> false;
    }

    public static StreamsEventResponse process(DynamodbEvent event,
                                               Consumer<List<DynamodbEvent.DynamodbStreamRecord>> batchHandler,
                                               StructuredLog log, PoisonRecords poison, Metrics metrics) {
        List<DynamodbEvent.DynamodbStreamRecord> remaining = event.getRecords() == null ? List.of() : event.getRecords();
        while (true) {
            Optional<Failed> failed = firstFailing(remaining, batchHandler);
            if (failed.isEmpty()) {
                return new StreamsEventResponse(List.of());
            }
            DynamodbEvent.DynamodbStreamRecord record = failed.get().record();
            String sequence = record.getDynamodb().getSequenceNumber();
            if (!parked(record, failed.get().failure(), poison, log)) {
                metrics.count(Metric.ITEMS_FAILED, 1);
                log.error("a record failed and will be retried", Map.of("records", 1, "sequenceNumber", sequence),
                        failed.get().failure());
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            }
            metrics.count(Metric.ITEMS_PARKED, 1);
            log.error("a record failed again and was parked; the records after it go on",
                    Map.of("records", 1, "sequenceNumber", sequence), failed.get().failure());
            remaining = remaining.subList(remaining.indexOf(record) + 1, remaining.size());
        }
    }

    private static boolean parked(DynamodbEvent.DynamodbStreamRecord record, RuntimeException failure,
                                  PoisonRecords poison, StructuredLog log) {
        try {
            return poison.park(record, failure);
        } catch (RuntimeException parkingFailed) {
            // parking is best effort: Lambda's retry is the fallback
            log.error("parking a failed record failed", Map.of("sequenceNumber",
                    record.getDynamodb().getSequenceNumber()), parkingFailed);
            return false;
        }
    }

    private record Failed(DynamodbEvent.DynamodbStreamRecord record, RuntimeException failure) {
    }

    /** Runs the records (whole, else half by half, in order); the first record that fails on its own, if any. */
    private static Optional<Failed> firstFailing(List<DynamodbEvent.DynamodbStreamRecord> records,
                                                 Consumer<List<DynamodbEvent.DynamodbStreamRecord>> handler) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        try {
            handler.accept(records);
            return Optional.empty();
        } catch (RuntimeException failure) {
            if (records.size() == 1) {
                return Optional.of(new Failed(records.getFirst(), failure));
            }
        }
        int half = records.size() / 2;
        return firstFailing(records.subList(0, half), handler)
                .or(() -> firstFailing(records.subList(half, records.size()), handler));
    }

    public static Map<String, AttributeValue> newImage(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getNewImage());
    }

    public static Map<String, AttributeValue> keys(DynamodbEvent.DynamodbStreamRecord record) {
        return DynamodbAttributeValueTransformer.toAttributeValueMapV2(record.getDynamodb().getKeys());
    }
}
