package io.halqe.aws.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.halqe.aws.runtime.RecordingLogger;
import io.halqe.aws.runtime.StructuredLog;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamBatchesTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final List<String> logged = logger.logged();

    private static DynamodbEvent batch(int size) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(IntStream.rangeClosed(1, size).mapToObj(i -> {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setDynamodb(new StreamRecord().withSequenceNumber(Integer.toString(100 + i)));
            return record;
        }).toList());
        return event;
    }

    private StructuredLog log() {
        return StructuredLog.of(logger.context("test"), "test");
    }

    @Test
    void process_shouldDoTheRecordsBeforeAPoisonRecord_andReportOnlyFromIt() {
        // GIVEN a batch of eight whose sixth record always fails
        List<String> done = new ArrayList<>();
        // WHEN it is processed
        StreamsEventResponse response = StreamBatches.process(batch(8), records -> {
            List<String> sequence = records.stream().map(record -> record.getDynamodb().getSequenceNumber()).toList();
            if (sequence.contains("106")) {
                throw new IllegalStateException("poison");
            }
            done.addAll(sequence);
        }, log(), StreamBatches.PoisonRecords.NEVER, Metrics.NONE);
        // THEN the five before it are done, and Lambda is told to retry from the poison record only
        assertThat(done).containsExactly("101", "102", "103", "104", "105");
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("106");
        // AND the failure is logged once, with its stack trace
        assertThat(logged).singleElement().asString().contains("\"sequenceNumber\":\"106\"").contains("stackTrace")
                .contains("poison");
    }

    @Test
    void process_shouldReportNothing_whenTheWholeBatchSucceeds() {
        List<Integer> calls = new ArrayList<>();
        StreamsEventResponse response = StreamBatches.process(batch(5), records -> calls.add(records.size()), log(),
                StreamBatches.PoisonRecords.NEVER, Metrics.NONE);
        assertThat(calls).containsExactly(5);
        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    @Test
    void process_shouldGoOnWithTheRecordsAfterAPoisonRecord_whenItIsParked() {
        // GIVEN a batch of eight whose third and sixth records always fail, and a parking that takes the sixth only
        List<String> done = new ArrayList<>();
        List<String> parked = new ArrayList<>();
        StreamBatches.PoisonRecords parkSixth = (record, failure) -> {
            if (record.getDynamodb().getSequenceNumber().equals("106")) {
                parked.add(record.getDynamodb().getSequenceNumber() + ": " + failure.getMessage());
                return true;
            }
            return false;
        };
        // WHEN the batch without the third is processed
        var records = new ArrayList<>(batch(8).getRecords());
        records.remove(2);
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        Map<Metric, Long> counted = new EnumMap<>(Metric.class);
        Metrics metrics = (metric, n) -> counted.merge(metric, n, Long::sum);
        StreamsEventResponse response = StreamBatches.process(event, failOn("106"), log(), parkSixth, metrics);
        // THEN every other record is done, the sixth parked with why, and nothing is reported failed
        assertThat(notHandled(event, "106")).isEmpty();
        assertThat(parked).containsExactly("106: poison");
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(counted).containsExactly(Map.entry(Metric.ITEMS_PARKED, 1L));
        // AND with the third back, Lambda retries from the third, whose parking declined, counted as failed
        StreamsEventResponse whole = StreamBatches.process(batch(8), failOn("103"), log(), parkSixth, metrics);
        assertThat(whole.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("103");
        assertThat(counted).containsExactly(Map.entry(Metric.ITEMS_FAILED, 1L), Map.entry(Metric.ITEMS_PARKED, 1L));
    }

    private final List<String> handled = new ArrayList<>();

    private java.util.function.Consumer<List<DynamodbEvent.DynamodbStreamRecord>> failOn(String poison) {
        return records -> {
            List<String> sequence = records.stream().map(record -> record.getDynamodb().getSequenceNumber()).toList();
            if (sequence.contains(poison)) {
                throw new IllegalStateException("poison");
            }
            handled.addAll(sequence);
        };
    }

    /** The records of the event the handler did not finish, other than {@code skipped}. */
    private List<String> notHandled(DynamodbEvent event, String skipped) {
        return event.getRecords().stream().map(record -> record.getDynamodb().getSequenceNumber())
                .filter(sequence -> !sequence.equals(skipped) && !handled.contains(sequence)).toList();
    }
}
