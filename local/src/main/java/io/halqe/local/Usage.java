package io.halqe.local;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the local cloud was asked to do, counted the way AWS bills it: HTTP API requests, Lambda invocations per
 * function (HTTP, stream batches, bus and schedule targets alike) with their measured durations, EventBridge
 * PutEvents entries and their 64 KB chunks, SNS publishes and their 64 KB chunks, SES sends, Secrets Manager calls,
 * and the DynamoDB read and write request units each function consumed ({@link DynamoDbMeter}). Counted from any
 * thread; {@link #snapshot} reads all counters at one instant, {@link #reset} zeroes them.
 */
public final class Usage {

    /** Billing chunk of an EventBridge entry and of an SNS message. */
    public static final int CHUNK_BYTES = 64 * 1024;

    /** One function's invocations: how many, at which memory size, and their wall time in all. */
    public record Invocations(long count, int memoryMb, long measuredNanos) {

        Invocations plus(int memory, long nanos) {
            return new Invocations(count + 1, memory, measuredNanos + nanos);
        }
    }

    /**
     * DynamoDB request units one function consumed, its writes DynamoDB refused (each still costs a unit), and its
     * calls (each a round trip, whatever it reads or writes: what the local cloud's CPU and a Lambda's time go on).
     */
    public record Units(double read, double write, long refusedWrites, long calls) {

        static final Units NONE = new Units(0, 0, 0, 0);

        Units plus(Units other) {
            return new Units(read + other.read, write + other.write, refusedWrites + other.refusedWrites,
                    calls + other.calls);
        }
    }

    /** The counters at one instant; maps are by the function's logical id. */
    public record Snapshot(long httpRequests, Map<String, Invocations> invocations, long eventEntries, long eventChunks,
                           long snsPublishes, long snsChunks, long sesSends, long secretsCalls,
                           Map<String, Units> dynamoDb) {

        public Snapshot {
            // sorted by function, for a stable printout
            invocations = Collections.unmodifiableMap(new TreeMap<>(invocations));
            dynamoDb = Collections.unmodifiableMap(new TreeMap<>(dynamoDb));
        }

        public long invocations(String function) {
            Invocations counted = invocations.get(function);
            return counted == null ? 0 : counted.count();
        }

        public long totalInvocations() {
            return invocations.values().stream().mapToLong(Invocations::count).sum();
        }

        /** The units of every function together. */
        public Units dynamoDbTotal() {
            return dynamoDb.values().stream().reduce(Units.NONE, Units::plus);
        }
    }

    /** The function whose invocation runs on this thread, and the usage it counts into (DynamoDbMeter reads it). */
    record Scope(Usage usage, String function) {
    }

    /**
     * Inherited by the threads an invocation starts (enrichment writes a batch a few at a time), so their calls are
     * charged to the function too; the local cloud's own threads never inherit it (LocalWorker).
     */
    private static final InheritableThreadLocal<Scope> CURRENT = new InheritableThreadLocal<>();

    private long httpRequests;
    private final Map<String, Invocations> invocations = new TreeMap<>();
    private long eventEntries;
    private long eventChunks;
    private long snsPublishes;
    private long snsChunks;
    private long sesSends;
    private long secretsCalls;
    private final Map<String, Units> dynamoDb = new TreeMap<>();

    /** Runs an invocation of {@code function} on this thread, counted, its DynamoDB calls charged to it. */
    <T> T invocation(String function, int memoryMb, Supplier<T> invocation) {
        Scope outer = CURRENT.get();
        CURRENT.set(new Scope(this, function));
        long start = System.nanoTime();
        try {
            return invocation.get();
        } finally {
            long nanos = System.nanoTime() - start;
            CURRENT.set(outer);
            synchronized (this) {
                invocations.merge(function, new Invocations(1, memoryMb, nanos),
                        (counted, one) -> counted.plus(memoryMb, nanos));
            }
        }
    }

    /** The invocation running on this thread, if any. */
    static Scope current() {
        return CURRENT.get();
    }

    synchronized void httpRequest() {
        httpRequests++;
    }

    synchronized void eventEntry(long bytes) {
        eventEntries++;
        eventChunks += chunks(bytes);
    }

    synchronized void snsPublish(long bytes) {
        snsPublishes++;
        snsChunks += chunks(bytes);
    }

    synchronized void sesSend() {
        sesSends++;
    }

    synchronized void secretsCall() {
        secretsCalls++;
    }

    synchronized void dynamoDb(String function, Units units) {
        dynamoDb.merge(function, units, Units::plus);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(httpRequests, invocations, eventEntries, eventChunks, snsPublishes, snsChunks, sesSends,
                secretsCalls, dynamoDb);
    }

    public synchronized void reset() {
        httpRequests = 0;
        invocations.clear();
        eventEntries = 0;
        eventChunks = 0;
        snsPublishes = 0;
        snsChunks = 0;
        sesSends = 0;
        secretsCalls = 0;
        dynamoDb.clear();
    }

    /** 64 KB chunks, at least one. */
    static long chunks(long bytes) {
        return Math.max(1, (bytes + CHUNK_BYTES - 1) / CHUNK_BYTES);
    }
}
