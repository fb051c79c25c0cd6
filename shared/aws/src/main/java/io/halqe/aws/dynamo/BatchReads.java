package io.halqe.aws.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The items behind an index that projects keys only: BatchGetItem in DynamoDB's chunks of 100, asking again for what
 * it leaves unprocessed a bounded number of times. Indexes hold keys (and what their queries filter on), not whole
 * items, so that a write to an item rewrites an index only when it changes what the index holds; the few list reads
 * pay a second, cheap read instead.
 */
final class BatchReads {

    static final int BATCH_GET = 100;
    private static final int MAX_ROUNDS = 8;

    private BatchReads() {
    }

    /** The items with these keys ({@code pk}, {@code sk}), in the keys' order; an item gone meanwhile is left out. */
    static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> wanted = keys.stream().map(BatchReads::key).distinct().toList();
        for (int from = 0; from < wanted.size(); from += BATCH_GET) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(wanted.subList(from, Math.min(wanted.size(), from + BATCH_GET))).build());
            for (int round = 0; request != null && !request.isEmpty(); round++) {
                if (round == MAX_ROUNDS) {
                    throw new IllegalStateException("DynamoDB kept reads unprocessed; try again");
                }
                Map<String, KeysAndAttributes> pending = request;
                var result = dynamo.batchGetItem(builder -> builder.requestItems(pending));
                result.responses().getOrDefault(table, List.of()).forEach(item -> found.put(id(item), item));
                request = result.hasUnprocessedKeys() ? result.unprocessedKeys() : null;
            }
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>(keys.size());
        for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = found.get(id(key));
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    private static String id(Map<String, AttributeValue> item) {
        return item.get("pk").s() + "\u0000" + item.get("sk").s();
    }
}
