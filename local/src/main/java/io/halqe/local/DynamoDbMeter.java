package io.halqe.local;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The DynamoDB request units each function consumes, as DynamoDB (Local) charges them: a call made inside a
 * function's invocation ({@link Usage#current}) that does not ask for its consumed capacity asks for the total, and
 * the units in the response go to the function's {@link Usage}. Registered for every SDK client of the JVM (the
 * functions build their own) by the SDK's global interceptor list,
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}. A function's code never reads consumed
 * capacity, so the extra field in its responses changes nothing it does; calls outside invocations are untouched.
 * A write refused by its condition consumes a unit without saying so: it is counted as refused. Every call counts
 * once, refused or failed ones too.
 */
public final class DynamoDbMeter implements ExecutionInterceptor {

    private static final ExecutionAttribute<Usage.Scope> SCOPE = new ExecutionAttribute<>("halqe.usage.scope");
    /** Write calls made by any client of this JVM, in or out of invocations. */
    private static final AtomicLong WRITES = new AtomicLong();

    /** How many write calls any client of this JVM has made so far: the local worker reads streams only after one. */
    static long writes() {
        return WRITES.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest || context.request() instanceof UpdateItemRequest
                || context.request() instanceof DeleteItemRequest || context.request() instanceof BatchWriteItemRequest
                || context.request() instanceof TransactWriteItemsRequest) {
            WRITES.incrementAndGet();
        }
        Usage.Scope scope = Usage.current();
        if (scope != null && metered(context.request())) {
            attributes.putAttribute(SCOPE, scope);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(SCOPE) == null) {
            return context.request();
        }
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case GetItemRequest get when get.returnConsumedCapacity() == null -> get.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest query when query.returnConsumedCapacity() == null -> query.toBuilder().returnConsumedCapacity(total).build();
            case ScanRequest scan when scan.returnConsumedCapacity() == null -> scan.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest batch when batch.returnConsumedCapacity() == null -> batch.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest get when get.returnConsumedCapacity() == null -> get.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest put when put.returnConsumedCapacity() == null -> put.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest update when update.returnConsumedCapacity() == null -> update.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest delete when delete.returnConsumedCapacity() == null -> delete.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest batch when batch.returnConsumedCapacity() == null -> batch.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest write when write.returnConsumedCapacity() == null -> write.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Usage.Scope scope = attributes.getAttribute(SCOPE);
        if (scope == null) {
            return;
        }
        Usage.Units units = switch (context.response()) {
            case GetItemResponse get -> read(List.of(get.consumedCapacity()));
            case QueryResponse query -> read(List.of(query.consumedCapacity()));
            case ScanResponse scan -> read(List.of(scan.consumedCapacity()));
            case BatchGetItemResponse batch -> read(batch.consumedCapacity());
            case TransactGetItemsResponse get -> read(get.consumedCapacity());
            case PutItemResponse put -> written(List.of(put.consumedCapacity()));
            case UpdateItemResponse update -> written(List.of(update.consumedCapacity()));
            case DeleteItemResponse delete -> written(List.of(delete.consumedCapacity()));
            case BatchWriteItemResponse batch -> written(batch.consumedCapacity());
            case TransactWriteItemsResponse write -> written(write.consumedCapacity());
            default -> new Usage.Units(0, 0, 0, 1);
        };
        scope.usage().dynamoDb(scope.function(), units);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Usage.Scope scope = attributes.getAttribute(SCOPE);
        if (scope != null && (context.exception() instanceof ConditionalCheckFailedException
                || context.exception() instanceof TransactionCanceledException)) {
            scope.usage().dynamoDb(scope.function(), new Usage.Units(0, 0, 1, 1));
        } else if (scope != null) {
            scope.usage().dynamoDb(scope.function(), new Usage.Units(0, 0, 0, 1));
        }
    }

    private static boolean metered(SdkRequest request) {
        return request.getClass().getPackageName().equals(GetItemRequest.class.getPackageName());
    }

    private static Usage.Units read(List<ConsumedCapacity> capacities) {
        return new Usage.Units(units(capacities), 0, 0, 1);
    }

    private static Usage.Units written(List<ConsumedCapacity> capacities) {
        return new Usage.Units(0, units(capacities), 0, 1);
    }

    /** Table and indexes together; a response without capacity (another interceptor asked NONE) counts nothing. */
    private static double units(List<ConsumedCapacity> capacities) {
        return capacities.stream().filter(java.util.Objects::nonNull)
                .mapToDouble(capacity -> capacity.capacityUnits() == null ? 0 : capacity.capacityUnits()).sum();
    }
}
