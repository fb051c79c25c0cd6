package io.halqe.local.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Every DynamoDB write made in this JVM while {@link #measure} runs, as DynamoDB itself charged it: each write asks
 * for {@code ReturnConsumedCapacity=INDEXES}, and the table's and each index's units are kept. Registered for every
 * SDK client (the functions build their own) through the SDK's global interceptor list,
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath; outside
 * {@link #measure} it leaves requests as they are.
 */
public final class WriteMeter implements ExecutionInterceptor {

    /** One write: its operation, the table's logical name, the leading part of its key, and units charged where. */
    public record Write(String operation, String table, String key, double tableUnits, Map<String, Double> indexUnits) {

        double units() {
            return tableUnits + indexUnits.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** What a measured run wrote. */
    public record Bill(List<Write> writes, int refused) {

        public double total() {
            return writes.stream().mapToDouble(Write::units).sum();
        }

        /** Units by {@code Table} and {@code Table/index}. */
        public Map<String, Double> byTableAndIndex() {
            Map<String, Double> units = new TreeMap<>();
            for (Write write : writes) {
                units.merge(write.table(), write.tableUnits(), Double::sum);
                write.indexUnits().forEach((index, charged) -> units.merge(write.table() + "/" + index, charged, Double::sum));
            }
            return units;
        }

        /** Units and count by operation, table and key prefix ({@code PutItem CasesTable CASE}). */
        public Map<String, String> byWrite() {
            Map<String, double[]> sums = new TreeMap<>();
            for (Write write : writes) {
                double[] sum = sums.computeIfAbsent(write.operation() + " " + write.table() + " " + write.key(),
                        name -> new double[2]);
                sum[0] += write.units();
                sum[1]++;
            }
            Map<String, String> shown = new TreeMap<>();
            sums.forEach((name, sum) -> shown.put(name, String.format("%.1f WRU in %d writes", sum[0], (int) sum[1])));
            return shown;
        }
    }

    private static final String PREFIX = "halqe-local-";
    private static volatile List<Write> recording;
    private static final List<Throwable> REFUSED = new CopyOnWriteArrayList<>();

    /** Runs {@code work} and returns what every DynamoDB write in it cost. One measurement at a time. */
    public static synchronized Bill measure(Runnable work) {
        List<Write> writes = new CopyOnWriteArrayList<>();
        REFUSED.clear();
        recording = writes;
        try {
            work.run();
        } finally {
            recording = null;
        }
        return new Bill(new ArrayList<>(writes), REFUSED.size());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (recording == null) {
            return context.request();
        }
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        return switch (context.request()) {
            case PutItemRequest put -> put.toBuilder().returnConsumedCapacity(indexes).build();
            case UpdateItemRequest update -> update.toBuilder().returnConsumedCapacity(indexes).build();
            case DeleteItemRequest delete -> delete.toBuilder().returnConsumedCapacity(indexes).build();
            case BatchWriteItemRequest batch -> batch.toBuilder().returnConsumedCapacity(indexes).build();
            case TransactWriteItemsRequest transaction -> transaction.toBuilder().returnConsumedCapacity(indexes).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        List<Write> writes = recording;
        if (writes == null) {
            return;
        }
        switch (context.response()) {
            case PutItemResponse put -> writes.add(write("PutItem", put.consumedCapacity(),
                    key(((PutItemRequest) context.request()).item())));
            case UpdateItemResponse update -> writes.add(write("UpdateItem", update.consumedCapacity(),
                    key(((UpdateItemRequest) context.request()).key())));
            case DeleteItemResponse delete -> writes.add(write("DeleteItem", delete.consumedCapacity(),
                    key(((DeleteItemRequest) context.request()).key())));
            case BatchWriteItemResponse batch -> batch.consumedCapacity()
                    .forEach(capacity -> writes.add(write("BatchWriteItem", capacity, "*")));
            case TransactWriteItemsResponse transaction -> transaction.consumedCapacity()
                    .forEach(capacity -> writes.add(write("TransactWriteItems", capacity, "*")));
            default -> {
            }
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (recording != null && (request instanceof PutItemRequest || request instanceof UpdateItemRequest
                || request instanceof DeleteItemRequest || request instanceof TransactWriteItemsRequest)) {
            REFUSED.add(context.exception());
        }
    }

    private static Write write(String operation, ConsumedCapacity capacity, String key) {
        if (capacity == null) {
            throw new IllegalStateException(operation + " returned no consumed capacity");
        }
        Map<String, Double> indexes = new TreeMap<>();
        capacity.globalSecondaryIndexes().forEach((index, units) -> indexes.put(index, units.capacityUnits()));
        capacity.localSecondaryIndexes().forEach((index, units) -> indexes.put(index, units.capacityUnits()));
        double table = capacity.table() != null ? capacity.table().capacityUnits() : capacity.capacityUnits();
        return new Write(operation, capacity.tableName().replace(PREFIX, ""), key, table, indexes);
    }

    /** The key's kind, not the instance: {@code CASE} of {@code CASE#c-1}. */
    private static String key(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        if (pk == null || pk.s() == null) {
            return "?";
        }
        int hash = pk.s().indexOf('#');
        return hash < 0 ? pk.s() : pk.s().substring(0, hash);
    }
}
