package io.halqe.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records each batch it gets — the (pk, sk) of its records and when it started and ended — taking 200 ms per batch,
 * so that batches running side by side overlap visibly.
 */
public class LaneRecorder implements RequestHandler<DynamodbEvent, Void> {

    /** One batch: its records as pk/sk, and its start and end (System.nanoTime). */
    public record Batch(List<String> keys, long start, long end) {
        public boolean overlaps(Batch other) {
            return start < other.end && other.start < end;
        }
    }

    public static final List<Batch> BATCHES = new CopyOnWriteArrayList<>();

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        long start = System.nanoTime();
        List<String> keys = event.getRecords().stream().map(record -> record.getDynamodb().getKeys().get("pk").getS()
                + "/" + record.getDynamodb().getKeys().get("sk").getS()).toList();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        BATCHES.add(new Batch(keys, start, System.nanoTime()));
        return null;
    }
}
