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
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Aggregates: pk {@code AGG#<surveyId>}, sk {@code D#<yyyy-MM-dd>} (a day in the reporting time zone). All cells of
 * the day are one compact string ({@code <dimension>=<value>\t<counters in base 36, zeros empty>} a line), because a
 * write costs what the item weighs; {@code wm|<partition>} is the highest stream sequence number folded in from that
 * response partition, {@code v} the day's version. A batch is one conditional PutItem per day it touches (the day as
 * read plus the batch, if nobody wrote it meanwhile); reading a range is one Query over its days.
 */
public final class DynamoAggregateStore implements AggregateStore {

    private static final int BATCH_GET_LIMIT = 100;
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
    public boolean add(DayKey key, StoredDay read, Map<String, Tally> delta, Map<Integer, String> newWatermarks) {
        Map<String, Tally> cells = new TreeMap<>(read == null ? Map.of() : read.cells());
        delta.forEach((cell, tally) -> cells.merge(cell, tally, Tally::plus));
        // a cell an erasure emptied goes: its name may be all that is left of a person (an order id)
        cells.values().removeIf(Tally::isEmpty);
        Map<Integer, String> watermarks = new HashMap<>(read == null ? Map.of() : read.watermarks());
        watermarks.putAll(newWatermarks);
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put("v", Items.n(read == null ? 1 : read.version() + 1));
        item.put("cells", Items.s(encode(cells)));
        watermarks.forEach((partition, sequence) -> item.put(WATERMARK_PREFIX + partition, Items.s(sequence)));
        try {
            dynamo.putItem(request -> {
                request.tableName(table).item(item);
                if (read == null) {
                    request.conditionExpression("attribute_not_exists(pk)");
                } else {
                    request.conditionExpression("v = :read").expressionAttributeValues(Map.of(":read", Items.n(read.version())));
                }
            });
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

    static String encode(Map<String, Tally> cells) {
        StringBuilder encoded = new StringBuilder();
        cells.forEach((cell, tally) -> {
            encoded.append(cell).append('\t');
            long[] counters = tally.counters();
            for (int i = 0; i < counters.length; i++) {
                if (i > 0) {
                    encoded.append(',');
                }
                if (counters[i] != 0) {
                    encoded.append(Long.toString(counters[i], Character.MAX_RADIX));
                }
            }
            encoded.append('\n');
        });
        return encoded.toString();
    }

    static Map<String, Tally> decode(String encoded) {
        Map<String, Tally> cells = new HashMap<>();
        for (String line : encoded.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String[] parts = line.substring(tab + 1).split(",", -1);
            long[] counters = new long[Tally.COUNTERS.size()];
            for (int i = 0; i < Math.min(parts.length, counters.length); i++) {
                counters[i] = parts[i].isEmpty() ? 0 : Long.parseLong(parts[i], Character.MAX_RADIX);
            }
            cells.put(line.substring(0, tab), Tally.fromCounters(counters));
        }
        return cells;
    }

    private static StoredDay day(Map<String, AttributeValue> item) {
        Map<Integer, String> watermarks = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(WATERMARK_PREFIX)) {
                watermarks.put(Integer.parseInt(name.substring(WATERMARK_PREFIX.length())), value.s());
            }
        });
        return new StoredDay(LocalDate.parse(item.get("sk").s().substring(2)), Items.number(item, "v"),
                item.get("cells") == null ? Map.of() : decode(item.get("cells").s()), watermarks);
    }

    private static Map<String, AttributeValue> key(DayKey key) {
        return Map.of("pk", Items.s("AGG#" + key.surveyId()), "sk", Items.s("D#" + key.day()));
    }
}
