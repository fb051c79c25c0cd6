package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One invocation of a stream mapping's function with the head of a lane: {@link #run} invokes it (on a pool thread),
 * {@link #settle} then applies the outcome to the lane on the coordinator — the records that succeeded leave, the
 * lane retries from the first failed one (ReportBatchItemFailures; any error fails the whole batch), and once the
 * retries are used up the failed records go to the dead letters and the lane moves on.
 */
final class StreamBatch implements LocalWorker.Job {

    private final StreamSubscription subscription;
    private final StreamSubscription.Lane lane;
    private final List<ObjectNode> records;
    // the outcome, written by run and read by settle (the worker's hand-over orders them): failed until it ran
    private int firstFailed = 0;
    private String error = "the batch did not run";

    StreamBatch(StreamSubscription subscription, StreamSubscription.Lane lane, List<ObjectNode> records) {
        this.subscription = subscription;
        this.lane = lane;
        this.records = List.copyOf(records);
    }

    @Override
    public void run() {
        LocalFunction function = subscription.function();
        try {
            String output = function.invoke(StreamRecords.event(records).toString());
            firstFailed = subscription.reportBatchItemFailures() ? firstFailure(records, output) : -1;
            error = firstFailed < 0 ? null : "batchItemFailures reported from record " + firstFailed;
        } catch (RuntimeException e) {
            firstFailed = 0;
            error = AsyncInvocations.rootMessage(e);
            System.out.println("[local] " + function.functionName() + " failed on a batch of " + records.size()
                    + " (" + subscription.name() + "): " + error);
        }
    }

    @Override
    public void settle() {
        lane.inFlight = false;
        int succeeded = firstFailed < 0 ? records.size() : firstFailed;
        for (int i = 0; i < succeeded; i++) {
            lane.pending.removeFirst();
        }
        if (firstFailed < 0) {
            lane.attempts = 0;
            return;
        }
        if (succeeded > 0) {
            lane.attempts = 0;
        }
        lane.attempts++;
        if (lane.attempts > subscription.maxRetries()) {
            List<ObjectNode> failed = records.subList(firstFailed, records.size());
            subscription.deadLetter(failed, error, lane.attempts);
            for (int i = 0; i < failed.size(); i++) {
                lane.pending.removeFirst();
            }
            lane.attempts = 0;
        }
    }

    /** Index of the first record the response names as failed; -1 when none; 0 when it names an unknown record. */
    static int firstFailure(List<? extends JsonNode> batch, String output) {
        JsonNode response;
        try {
            response = Json.parse(output);
        } catch (IllegalArgumentException notJson) {
            return -1;
        }
        JsonNode failures = response.path("batchItemFailures");
        if (!failures.isArray() || failures.isEmpty()) {
            return -1;
        }
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText(null);
            int index = -1;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).path("dynamodb").path("SequenceNumber").asText().equals(id)) {
                    index = i;
                    break;
                }
            }
            if (id == null || id.isEmpty() || index < 0) {
                return 0;
            }
            first = Math.min(first, index);
        }
        return first;
    }
}
