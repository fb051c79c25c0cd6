package io.halqe.aws.dynamo;

import io.halqe.domain.scoring.AggregateKey;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.Tally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Aggregates: pk {@code AGG#<surveyId>#<bucket>}, sk {@code P#<partition>}; counters are plain numbers updated
 * with ADD, {@code watermark} is the highest stream sequence number folded in. Reading a bucket is one Query over
 * at most {@link ResponseItems#PARTITIONS} items, whatever the number of responses.
 */
public final class DynamoAggregateStore implements AggregateStore {

    private static final int BATCH_GET_LIMIT = 100;
    private static final List<String> COUNTERS = List.of("responses", "promoters", "passives", "detractors", "csatN",
            "csatSatisfied", "cesN", "cesSum", "cesSumOfSquares");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAggregateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<AggregateKey, StoredAggregate> load(Collection<AggregateKey> keys) {
        Map<AggregateKey, StoredAggregate> loaded = new HashMap<>();
        List<AggregateKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                    .keys(all.subList(from, Math.min(all.size(), from + BATCH_GET_LIMIT)).stream().map(DynamoAggregateStore::key).toList())
                    .build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                var result = dynamo.batchGetItem(builder -> builder.requestItems(pending));
                for (var item : result.responses().getOrDefault(table, List.of())) {
                    loaded.put(keyOf(item), new StoredAggregate(tally(item), Items.string(item, "watermark")));
                }
                request = result.hasUnprocessedKeys() && !result.unprocessedKeys().isEmpty() ? result.unprocessedKeys() : null;
            }
        }
        return loaded;
    }

    @Override
    public boolean add(AggregateKey key, Tally delta, String expectedWatermark, String newWatermark) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        long[] counts = counts(delta);
        for (int i = 0; i < COUNTERS.size(); i++) {
            adds.add(COUNTERS.get(i) + " :" + COUNTERS.get(i));
            values.put(":" + COUNTERS.get(i), Items.n(counts[i]));
        }
        values.put(":new", Items.s(newWatermark));
        values.put(":survey", Items.s(key.surveyId()));
        values.put(":bucket", Items.s(key.bucket()));
        String condition;
        if (expectedWatermark == null) {
            condition = "attribute_not_exists(watermark)";
        } else {
            condition = "watermark = :expected";
            values.put(":expected", Items.s(expectedWatermark));
        }
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(key))
                    .updateExpression("SET watermark = :new, surveyId = :survey, #bucket = :bucket ADD " + String.join(", ", adds))
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#bucket", "bucket"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public Tally total(String surveyId, String bucket) {
        Tally total = Tally.EMPTY;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", Items.s(pk(surveyId, bucket)))).exclusiveStartKey(from));
            for (var item : page.items()) {
                total = total.plus(tally(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }

    private static long[] counts(Tally t) {
        return new long[] {t.responses(), t.promoters(), t.passives(), t.detractors(), t.csatN(), t.csatSatisfied(),
            t.cesN(), t.cesSum(), t.cesSumOfSquares()};
    }

    private static Tally tally(Map<String, AttributeValue> item) {
        long[] c = COUNTERS.stream().mapToLong(name -> Items.number(item, name)).toArray();
        return new Tally(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    }

    private static String pk(String surveyId, String bucket) {
        return "AGG#" + surveyId + "#" + bucket;
    }

    private static Map<String, AttributeValue> key(AggregateKey key) {
        return Map.of("pk", Items.s(pk(key.surveyId(), key.bucket())), "sk", Items.s("P#" + key.partition()));
    }

    private static AggregateKey keyOf(Map<String, AttributeValue> item) {
        String sk = Items.string(item, "sk");
        return new AggregateKey(Items.string(item, "surveyId"), Items.string(item, "bucket"),
                Integer.parseInt(sk.substring(2)));
    }
}
