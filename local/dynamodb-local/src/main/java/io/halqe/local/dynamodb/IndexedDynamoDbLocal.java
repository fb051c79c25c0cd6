package io.halqe.local.dynamodb;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.almworks.sqlite4java.SQLiteStatement;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteDBAccess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB Local's main, in its own JVM, with its stream records indexed. DynamoDB Local keeps every stream record of
 * every table in one SQLite table keyed by sequence number alone, and looks them up by stream and by shard: to
 * describe a table's stream, which it does on every call to that table, GetRecords included, and to read a shard.
 * Without an index each of those reads every record streamed so far, so every call grew slower the longer the local
 * cloud ran. The indexes make them logarithmic and change nothing else (same rows, same order).
 * <p>Each index is on one column: SQLite (3.8.7 here) appends the row id, which is the sequence number, to every index,
 * and seeks on it after an equality; naming the sequence number as a second column instead hides it from that seek,
 * and a shard's read then walks every earlier record of the shard.
 * <p>The database stays in memory, private to DynamoDB Local's own SQLite connection, so the indexes are made by a job
 * on that connection's queue, found in the running server. Arguments: DynamoDB Local's own, then {@code --ready
 * FILE}, written once the indexes are made: SQLite's plan for each of DynamoDB Local's reads of stream records, one a
 * line. DynamoDbLocalServer hands the endpoint to nobody before.
 */
public final class IndexedDynamoDbLocal {

    static final String READY_OPTION = "--ready";
    static final List<String> STREAM_RECORD_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS halqe_us_by_stream ON us (StreamID)",
            "CREATE INDEX IF NOT EXISTS halqe_us_by_shard ON us (ShardID)");
    /**
     * DynamoDB Local's reads of stream records, as its classes hold them: the first record of a stream, which it looks
     * up to describe the stream on every call to the table, and a shard's records from an iterator on (GetRecords).
     */
    static final List<Map.Entry<String, String>> STREAM_RECORD_READS = List.of(
            Map.entry("describe", "SELECT MIN(SequenceNumber) FROM us WHERE StreamID=?"),
            Map.entry("read", "SELECT SequenceNumber, StreamRecord, OperationType, CreationDateTime FROM us "
                    + "WHERE StreamID = ? AND ShardID = ? AND SequenceNumber >= ? AND CreationDateTime > ? "
                    + "ORDER BY SequenceNumber ASC LIMIT ?"));
    private static final String DYNAMODB_LOCAL_PACKAGE = "com.amazonaws.services.dynamodbv2.local.";

    private IndexedDynamoDbLocal() {
    }

    public static void main(String[] args) {
        try {
            start(args);
        } catch (Exception failure) {
            // the server's threads would keep this JVM up, unready and unused until DynamoDbLocalServer gives up on
            // it: exit, and DynamoDbLocalServer reports this at once, with the log
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void start(String[] args) throws Exception {
        int ready = List.of(args).indexOf(READY_OPTION);
        if (ready < 0 || ready + 1 >= args.length) {
            throw new IllegalArgumentException("IndexedDynamoDbLocal needs " + READY_OPTION + " FILE after DynamoDB "
                    + "Local's own arguments");
        }
        String[] own = List.of(args).subList(0, ready).toArray(String[]::new);
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(own);
        server.start();
        // DynamoDB Local opens its database, and creates its tables of tables, streams and records, on a first call
        firstCall(port(own));
        SQLiteQueue queue = queueOf(server);
        List<String> plans = queue.execute(new SQLiteJob<List<String>>() {
            @Override
            protected List<String> job(SQLiteConnection connection) throws Throwable {
                for (String index : STREAM_RECORD_INDEXES) {
                    connection.exec(index);
                }
                return plansOfStreamRecordReads(connection);
            }
        }).get();
        // moved into place whole, so whoever sees the file reads all of it
        Path readyFile = Path.of(args[ready + 1]);
        Path written = Files.write(readyFile.resolveSibling(readyFile.getFileName() + ".part"), plans);
        Files.move(written, readyFile, StandardCopyOption.ATOMIC_MOVE);
        server.join();
    }

    /** {@code name: plan} for each read, its plan's steps joined by " / ", as SQLite explains them. */
    private static List<String> plansOfStreamRecordReads(SQLiteConnection connection) throws SQLiteException {
        List<String> plans = new ArrayList<>();
        for (Map.Entry<String, String> read : STREAM_RECORD_READS) {
            SQLiteStatement plan = connection.prepare("EXPLAIN QUERY PLAN " + read.getValue());
            try {
                List<String> steps = new ArrayList<>();
                while (plan.step()) {
                    steps.add(plan.columnString(plan.columnCount() - 1));
                }
                plans.add(read.getKey() + ": " + String.join(" / ", steps));
            } finally {
                plan.dispose();
            }
        }
        return plans;
    }

    /** A ListTables, signed as any client does (DynamoDB Local reads the signature's form, not its value). */
    private static void firstCall(int port) throws Exception {
        HttpRequest listTables = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("content-type", "application/x-amz-json-1.0")
                .header("x-amz-target", "DynamoDB_20120810.ListTables")
                .header("x-amz-date", "20260101T000000Z")
                .header("authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(listTables, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("DynamoDB Local's first call: " + response.statusCode() + " "
                        + response.body());
            }
        }
    }

    /**
     * The queue of the server's one database ({@code -sharedDb}): reached through DynamoDB Local's own objects, as it
     * offers no way to it. Fails, and with it the start, if a new version of DynamoDB Local moved it.
     */
    static SQLiteQueue queueOf(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Deque<Object> pending = new ArrayDeque<>(List.of(server));
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Object next = pending.poll();
            if (next instanceof SQLiteDBAccess access) {
                Field queue = SQLiteDBAccess.class.getDeclaredField("queue");
                queue.setAccessible(true);
                return (SQLiteQueue) queue.get(access);
            }
            if (next instanceof Map<?, ?> map) {
                map.values().stream().filter(seen::add).forEach(pending::add);
                continue;
            }
            if (!next.getClass().getName().startsWith(DYNAMODB_LOCAL_PACKAGE)) {
                continue;
            }
            for (Class<?> type = next.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(next);
                    if (value != null && seen.add(value)) {
                        pending.add(value);
                    }
                }
            }
        }
        throw new IllegalStateException("no SQLite database found in DynamoDB Local's server: has its version changed?");
    }

    private static int port(String[] args) {
        int port = List.of(args).indexOf("-port");
        if (port < 0 || port + 1 >= args.length) {
            throw new IllegalArgumentException("IndexedDynamoDbLocal needs DynamoDB Local's -port");
        }
        return Integer.parseInt(args[port + 1]);
    }
}
