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
 * <p>As in Lambda, shards are processed concurrently, each in ParallelizationFactor lanes: a record goes to the lane
 * of its partition key, a lane has one batch in flight at a time, so the records of one key are handed over in order
 * and a child shard starts once its parent is done. The worker's coordinator alone calls {@link #read} and
 * {@link #batches} and settles the batches, so this bookkeeping is confined to its thread; only the invocations run
 * elsewhere.
 */
final class StreamSubscription {

    /** Lambda's limits for a DynamoDB stream's ParallelizationFactor. */
    static final int MAX_PARALLELIZATION = 10;
    private static final int UNBOUNDED_RETRIES_LOCALLY = 10;
    /** While invocations run, how often a shard is read for more. */
    private static final long BUSY_READ_NANOS = 50_000_000L;

    private final String name;
    private final LocalFunction function;
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String partitionKey;
    private final StreamRecords.Filter filter;
    private final int batchSize;
    private final int parallelization;
    private final int maxRetries;
    private final boolean reportBatchItemFailures;
    private final String region;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final Map<String, ShardPosition> shards = new LinkedHashMap<>();
    private long lastDescribe;

    /** Records of one shard whose partition keys hash to it, in stream order; at most one batch in flight. */
    static final class Lane {
        final Deque<ObjectNode> pending = new ArrayDeque<>();
        int attempts;
        boolean inFlight;

        boolean idle() {
            return pending.isEmpty() && !inFlight;
        }
    }

    private static final class ShardPosition {
        final String shardId;
        final String parentShardId;
        final Lane[] lanes;
        String iterator;
        String lastSequence;
        boolean started;
        boolean finished;
        long lastRead;

        ShardPosition(String shardId, String parentShardId, int lanes) {
            this.shardId = shardId;
            this.parentShardId = parentShardId;
            this.lanes = new Lane[lanes];
            for (int i = 0; i < lanes; i++) {
                this.lanes[i] = new Lane();
            }
        }

        boolean idle() {
            for (Lane lane : lanes) {
                if (!lane.idle()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A mapping's settings, as the template gives them. */
    record Settings(List<String> filterPatterns, int batchSize, int parallelizationFactor, int maxRetries,
                    boolean reportBatchItemFailures) {
        Settings {
            if (parallelizationFactor < 1 || parallelizationFactor > MAX_PARALLELIZATION) {
                throw new IllegalArgumentException("ParallelizationFactor must be 1 to " + MAX_PARALLELIZATION
                        + ", not " + parallelizationFactor);
            }
        }
    }

    StreamSubscription(String name, LocalFunction function, DynamoDbStreamsClient streams, String streamArn,
                       String partitionKey, Settings settings, String region, DeadLetters deadLetters, Clock clock) {
        this.name = name;
        this.function = function;
        this.streams = streams;
        this.streamArn = streamArn;
        this.partitionKey = partitionKey;
        this.filter = StreamRecords.Filter.of(settings.filterPatterns());
        this.batchSize = Math.max(1, Math.min(settings.batchSize(), 10_000));
        this.parallelization = settings.parallelizationFactor();
        this.maxRetries = settings.maxRetries() < 0 ? UNBOUNDED_RETRIES_LOCALLY : settings.maxRetries();
        this.reportBatchItemFailures = settings.reportBatchItemFailures();
        this.region = region;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    /**
     * Reads what is new in every shard being processed into its lanes: each of them when {@code everyShard} (nothing
     * runs, so this read decides whether the work is done), else those not read in the last 50 ms. True when a record
     * was read or a shard finished.
     */
    boolean read(long nanoTime, boolean everyShard) {
        refreshShards(false);
        boolean worked = false;
        boolean shardFinished = false;
        for (ShardPosition shard : new ArrayList<>(shards.values())) {
            if (shard.finished || !parentDone(shard)) {
                continue;
            }
            if (everyShard || nanoTime - shard.lastRead >= BUSY_READ_NANOS) {
                shard.lastRead = nanoTime;
                worked |= read(shard);
            }
            if (shard.iterator == null && shard.started && shard.idle()) {
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

    /** The next batch of every lane that has records and no batch in flight; each is marked in flight. */
    List<StreamBatch> batches() {
        List<StreamBatch> batches = new ArrayList<>();
        for (ShardPosition shard : shards.values()) {
            for (Lane lane : shard.lanes) {
                if (lane.inFlight || lane.pending.isEmpty()) {
                    continue;
                }
                List<ObjectNode> batch = new ArrayList<>(Math.min(batchSize, lane.pending.size()));
                for (ObjectNode record : lane.pending) {
                    if (batch.size() == batchSize) {
                        break;
                    }
                    batch.add(record);
                }
                lane.inFlight = true;
                batches.add(new StreamBatch(this, lane, batch));
            }
        }
        return batches;
    }

    LocalFunction function() {
        return function;
    }

    boolean reportBatchItemFailures() {
        return reportBatchItemFailures;
    }

    int maxRetries() {
        return maxRetries;
    }

    /** The failed records that used up their retries, as Lambda's on-failure destination would get them. */
    void deadLetter(List<ObjectNode> failed, String error, int attempts) {
        deadLetters.add(new DeadLetters.DeadLetter(function.logicalId(), "stream:" + name, error, attempts,
                StreamRecords.event(failed), clock.instant()));
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
                shards.computeIfAbsent(shard.shardId(), id -> new ShardPosition(id, shard.parentShardId(), parallelization));
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
                shard.lanes[lane(json)].pending.addLast(json);
            }
        }
        return !response.records().isEmpty();
    }

    /** The lane of a record: by its partition key's value, so one key's records stay in one lane, in order. */
    private int lane(JsonNode record) {
        if (parallelization == 1) {
            return 0;
        }
        JsonNode key = record.path("dynamodb").path("Keys").path(partitionKey);
        return Math.floorMod(key.toString().hashCode(), parallelization);
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
}
