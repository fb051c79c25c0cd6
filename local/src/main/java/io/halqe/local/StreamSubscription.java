package io.halqe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One {@code Type: DynamoDB} event source mapping: its own position in every shard of the table's stream, the
 * filter, batches of up to BatchSize, ReportBatchItemFailures (retry from the first failed record), up to
 * MaximumRetryAttempts retries, then the failed records go to the dead letters and the mapping moves on.
 */
final class StreamSubscription {

    private static final int UNBOUNDED_RETRIES_LOCALLY = 10;

    private final String name;
    private final LocalFunction function;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final StreamRecords.Filter filter;
    private final int batchSize;
    private final int maxRetries;
    private final boolean reportBatchItemFailures;
    private final String region;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Map<String, ShardPosition> shards = new LinkedHashMap<>();
    private long lastDescribe;

    private static final class ShardPosition {
        final String shardId;
        final String parentShardId;
        String iterator;
        String lastSequence;
        boolean started;
        boolean finished;
        final Deque<ObjectNode> pending = new ArrayDeque<>();
        int attempts;

        ShardPosition(String shardId, String parentShardId) {
            this.shardId = shardId;
            this.parentShardId = parentShardId;
        }
    }

    StreamSubscription(String name, LocalFunction function, DynamoDbStreamsClient streams, String streamArn,
                       List<String> filterPatterns, int batchSize, int maxRetries, boolean reportBatchItemFailures,
                       String region, DeadLetters deadLetters, Clock clock) {
        this.name = name;
        this.function = function;
        this.streams = streams;
        this.streamArn = streamArn;
        this.filter = StreamRecords.Filter.of(filterPatterns);
        this.batchSize = Math.max(1, Math.min(batchSize, 10_000));
        this.maxRetries = maxRetries < 0 ? UNBOUNDED_RETRIES_LOCALLY : maxRetries;
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.region = region;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    /** Reads what is new in every shard and invokes the function for it; true when anything was read or invoked. */
    boolean poll() {
        refreshShards(false);
        boolean worked = false;
        boolean shardFinished = false;
        for (ShardPosition shard : new ArrayList<>(shards.values())) {
            if (shard.finished || !parentDone(shard)) {
                continue;
            }
            worked |= read(shard);
            worked |= process(shard);
            if (shard.iterator == null && shard.started && shard.pending.isEmpty()) {
                shard.finished = true;
                shardFinished = true;
            }
        }
        if (shardFinished) {
            refreshShards(true);
            worked = true;
        }
        return worked;
    }

    private boolean parentDone(ShardPosition shard) {
        ShardPosition parent = shard.parentShardId == null ? null : shards.get(shard.parentShardId);
        return parent == null || parent.finished;
    }

    private void refreshShards(boolean force) {
        long now = System.nanoTime();
        if (!force && lastDescribe != 0 && now - lastDescribe < 2_000_000_000L) {
            return;
        }
        lastDescribe = now;
        String start = null;
        do {
            String exclusiveStart = start;
            DescribeStreamResponse response = streams.describeStream(request -> request.streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart));
            for (Shard shard : response.streamDescription().shards()) {
                shards.computeIfAbsent(shard.shardId(), id -> new ShardPosition(id, shard.parentShardId()));
            }
            start = response.streamDescription().lastEvaluatedShardId();
        } while (start != null);
    }

    private boolean read(ShardPosition shard) {
        if (!shard.started) {
            shard.iterator = iterator(shard);
            shard.started = true;
        }
        if (shard.iterator == null) {
            return false;
        }
        GetRecordsResponse response;
        try {
            String iterator = shard.iterator;
            response = streams.getRecords(request -> request.shardIterator(iterator).limit(1000));
        } catch (ExpiredIteratorException | TrimmedDataAccessException expired) {
            shard.iterator = iterator(shard);
            if (shard.iterator == null) {
                return false;
            }
            String iterator = shard.iterator;
            response = streams.getRecords(request -> request.shardIterator(iterator).limit(1000));
        }
        shard.iterator = response.nextShardIterator();
        for (Record record : response.records()) {
            shard.lastSequence = record.dynamodb().sequenceNumber();
            ObjectNode json = StreamRecords.toLambdaRecord(record, streamArn, region);
            if (filter.matches(json)) {
                shard.pending.addLast(json);
            }
        }
        return !response.records().isEmpty();
    }

    private String iterator(ShardPosition shard) {
        try {
            if (shard.lastSequence == null) {
                return streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            }
            return streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(shard.lastSequence)).shardIterator();
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
            return null;
        }
    }

    /** Invokes batches until the shard's pending records are done (succeeded, or dead-lettered after retries). */
    private boolean process(ShardPosition shard) {
        boolean invoked = false;
        while (!shard.pending.isEmpty()) {
            List<ObjectNode> batch = new ArrayList<>();
            for (ObjectNode record : shard.pending) {
                if (batch.size() == batchSize) {
                    break;
                }
                batch.add(record);
            }
            invoked = true;
            int firstFailed;
            String error;
            try {
                String output = function.invoke(StreamRecords.event(batch).toString());
                firstFailed = reportBatchItemFailures ? firstFailure(batch, output) : -1;
                error = firstFailed < 0 ? null : "batchItemFailures reported from record " + firstFailed;
            } catch (RuntimeException e) {
                firstFailed = 0;
                error = AsyncInvocations.rootMessage(e);
                System.out.println("[local] " + function.functionName() + " failed on a batch of " + batch.size()
                        + " (" + name + "): " + error);
            }
            int succeeded = firstFailed < 0 ? batch.size() : firstFailed;
            for (int i = 0; i < succeeded; i++) {
                shard.pending.removeFirst();
            }
            if (firstFailed < 0) {
                shard.attempts = 0;
                continue;
            }
            if (succeeded > 0) {
                shard.attempts = 0;
            }
            shard.attempts++;
            if (shard.attempts > maxRetries) {
                List<ObjectNode> failed = batch.subList(firstFailed, batch.size());
                deadLetters.add(new DeadLetters.DeadLetter(function.logicalId(), "stream:" + name, error,
                        shard.attempts, StreamRecords.event(failed), clock.instant()));
                for (int i = 0; i < failed.size(); i++) {
                    shard.pending.removeFirst();
                }
                shard.attempts = 0;
            }
        }
        return invoked;
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
