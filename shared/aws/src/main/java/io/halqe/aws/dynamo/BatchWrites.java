package io.halqe.aws.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem in DynamoDB's chunks of 25, resending what it leaves unprocessed a bounded number of times. */
final class BatchWrites {

    static final int BATCH_WRITE = 25;
    private static final int MAX_ROUNDS = 8;

    private BatchWrites() {
    }

    static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE) {
            Map<String, List<WriteRequest>> request = Map.of(table, writes.subList(from, Math.min(writes.size(), from + BATCH_WRITE)));
            for (int round = 0; request != null && !request.isEmpty(); round++) {
                if (round == MAX_ROUNDS) {
                    throw new IllegalStateException("DynamoDB kept writes unprocessed; the batch will be retried");
                }
                Map<String, List<WriteRequest>> pending = request;
                var result = dynamo.batchWriteItem(builder -> builder.requestItems(pending));
                request = result.hasUnprocessedItems() ? result.unprocessedItems() : null;
            }
        }
    }

    /** The keys of every item in one partition (a paged Query reading nothing but the keys). */
    static List<Map<String, AttributeValue>> keysOfPartition(DynamoDbClient dynamo, String table, String partition) {
        List<Map<String, AttributeValue>> keys = new java.util.ArrayList<>();
        dynamo.queryPaginator(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(partition))).projectionExpression("pk, sk"))
                .items().forEach(item -> keys.add(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        return keys;
    }

    /** Deletes the items with these keys; their number. */
    static int delete(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        write(dynamo, table, keys.stream().map(key -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build()).build()).toList());
        return keys.size();
    }
}
