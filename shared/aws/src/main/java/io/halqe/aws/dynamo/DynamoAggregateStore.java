package io.halqe.aws.dynamo;

import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.DayKey;
import io.halqe.domain.scoring.Tally;
import java.time.LocalDate;
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
 * Aggregates: pk {@code AGG#<surveyId>}, sk {@code D#<yyyy-MM-dd>} (a day in the reporting time zone). Counters are
 * top-level numbers named {@code c|<dimension>=<value>|<counter>} updated with ADD; {@code wm|<partition>} is the
 * highest stream sequence number folded in from that response partition. One UpdateItem per day a batch touches;
 * reading a range is one Query over its days, whatever the number of responses.
 */
public final class DynamoAggregateStore implements AggregateStore {

    private static final int BATCH_GET_LIMIT = 100;
    private static final String COUNTER_PREFIX = "c|";
    private static final String WATERMARK_PREFIX = "wm|";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAggregateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<DayKey, StoredDay> load(Collection<DayKey> keys) {
        Map<DayKey, StoredDay> loaded = new HashMap<>();
        List<DayKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                    .keys(all.subList(from, Math.min(all.size(), from + BATCH_GET_LIMIT)).stream()
                            .map(DynamoAggregateStore::key).toList()).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                var result = dynamo.batchGetItem(builder -> builder.requestItems(pending));
                for (var item : result.responses().getOrDefault(table, List.of())) {
                    String surveyId = item.get("pk").s().substring("AGG#".length());
                    StoredDay day = day(item);
                    loaded.put(new DayKey(surveyId, day.day()), day);
                }
                request = result.hasUnprocessedKeys() && !result.unprocessedKeys().isEmpty() ? result.unprocessedKeys() : null;
            }
        }
        return loaded;
    }

    @Override
    public boolean add(DayKey key, Map<String, Tally> delta, Map<Integer, String> expectedWatermarks,
                       Map<Integer, String> newWatermarks) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (var cell : delta.entrySet()) {
            long[] counts = cell.getValue().counters();
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] != 0) {
                    names.put("#c" + i, COUNTER_PREFIX + cell.getKey() + "|" + Tally.COUNTERS.get(c));
                    values.put(":c" + i, Items.n(counts[c]));
                    adds.add("#c" + i + " :c" + i);
                    i++;
                }
            }
        }
        List<String> sets = new ArrayList<>(List.of("#day = :day"));
        List<String> conditions = new ArrayList<>();
        names.put("#day", "day");
        values.put(":day", Items.s(key.day().toString()));
        for (var watermark : newWatermarks.entrySet()) {
            int partition = watermark.getKey();
            names.put("#w" + partition, WATERMARK_PREFIX + partition);
            values.put(":w" + partition, Items.s(watermark.getValue()));
            sets.add("#w" + partition + " = :w" + partition);
            String expected = expectedWatermarks.get(partition);
            if (expected == null) {
                conditions.add("attribute_not_exists(#w" + partition + ")");
            } else {
                values.put(":e" + partition, Items.s(expected));
                conditions.add("#w" + partition + " = :e" + partition);
            }
        }
        String update = "SET " + String.join(", ", sets) + (adds.isEmpty() ? "" : " ADD " + String.join(", ", adds));
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(key)).updateExpression(update)
                    .conditionExpression(conditions.isEmpty() ? null : String.join(" AND ", conditions))
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    @Override
    public List<StoredDay> days(String surveyId, LocalDate from, LocalDate to) {
        List<StoredDay> days = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        String low = "D#" + (from == null ? "0000-00-00" : from);
        String high = "D#" + (to == null ? "9999-99-99" : to);
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            var page = dynamo.query(request -> request.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                    .expressionAttributeValues(Map.of(":pk", Items.s("AGG#" + surveyId), ":low", Items.s(low),
                            ":high", Items.s(high)))
                    .exclusiveStartKey(exclusiveStart));
            page.items().forEach(item -> days.add(day(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return days;
    }

    private static StoredDay day(Map<String, AttributeValue> item) {
        Map<String, long[]> counters = new HashMap<>();
        Map<Integer, String> watermarks = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(COUNTER_PREFIX)) {
                int split = name.lastIndexOf('|');
                String cell = name.substring(COUNTER_PREFIX.length(), split);
                int index = Tally.COUNTERS.indexOf(name.substring(split + 1));
                if (index >= 0) {
                    counters.computeIfAbsent(cell, c -> new long[Tally.COUNTERS.size()])[index] = Long.parseLong(value.n());
                }
            } else if (name.startsWith(WATERMARK_PREFIX)) {
                watermarks.put(Integer.parseInt(name.substring(WATERMARK_PREFIX.length())), value.s());
            }
        });
        Map<String, Tally> cells = new HashMap<>();
        counters.forEach((cell, counts) -> cells.put(cell, Tally.fromCounters(counts)));
        return new StoredDay(LocalDate.parse(item.get("sk").s().substring(2)), cells, watermarks);
    }

    private static Map<String, AttributeValue> key(DayKey key) {
        return Map.of("pk", Items.s("AGG#" + key.surveyId()), "sk", Items.s("D#" + key.day()));
    }
}
