package io.halqe.aws.dynamo;

import io.halqe.domain.response.ChangeFeed;
import io.halqe.domain.response.ResponseIds;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The change feed in the Aggregates table: pk {@code CHANGES#<surveyId>#<partition>}, sk the entry's sequence number
 * zero-padded to the stream's 40 digits (so the key orders as the numbers do), {@code ids} the answers it names (an id
 * that names the survey stored by its part after the survey's, any other whole behind {@code =}), gone by time to live after
 * {@link ChangeFeed#KEPT_DAYS} days.
 */
public final class DynamoChangeFeed implements ChangeFeed {

    private static final int SEQUENCE_DIGITS = 40;
    private static final String PREFIX = "CHANGES#";
    private static final String WHOLE = "=";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoChangeFeed(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void append(String surveyId, int partition, String sequenceNumber, List<String> responseIds) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", Items.s(pk(surveyId, partition)));
        item.put("sk", Items.s(padded(sequenceNumber)));
        item.put("ids", AttributeValue.fromL(responseIds.stream().map(id -> Items.s(stored(surveyId, id))).toList()));
        item.put("expiresAt", Items.n(clock.instant().plus(Duration.ofDays(KEPT_DAYS)).getEpochSecond()));
        // the same entry written again (a retried batch) is the same item: nothing to condition on
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    @Override
    public List<Entry> after(String surveyId, Map<Integer, String> position, int limit) {
        List<Entry> entries = new ArrayList<>();
        int named = 0;
        for (int partition = 0; partition < ResponseItems.PARTITIONS && named < limit; partition++) {
            String from = position.get(partition);
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            values.put(":pk", Items.s(pk(surveyId, partition)));
            String condition = "pk = :pk";
            if (from != null) {
                values.put(":after", Items.s(padded(from)));
                condition += " AND sk > :after";
            }
            String keyCondition = condition;
            for (var item : dynamo.queryPaginator(request -> request.tableName(table).keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values).consistentRead(true)).items()) {
                Entry entry = entry(surveyId, partition, item);
                entries.add(entry);
                named += entry.responseIds().size();
                if (named >= limit) {
                    break;
                }
            }
        }
        return entries;
    }

    @Override
    public Map<Integer, String> heads(String surveyId) {
        Map<Integer, String> heads = new LinkedHashMap<>();
        for (int partition = 0; partition < ResponseItems.PARTITIONS; partition++) {
            int n = partition;
            dynamo.query(request -> request.tableName(table).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", Items.s(pk(surveyId, n))))
                            .scanIndexForward(false).limit(1).consistentRead(true))
                    .items().stream().findFirst().ifPresent(item -> heads.put(n, unpadded(Items.string(item, "sk"))));
        }
        return heads;
    }

    private static Entry entry(String surveyId, int partition, Map<String, AttributeValue> item) {
        List<String> ids = item.getOrDefault("ids", AttributeValue.fromL(List.of())).l().stream()
                .map(id -> id.s().startsWith(WHOLE) ? id.s().substring(1) : surveyId + "." + id.s()).toList();
        return new Entry(partition, unpadded(Items.string(item, "sk")), ids);
    }

    private static String stored(String surveyId, String responseId) {
        // an id of the form <survey>.<uuid> keeps only its uuid; any other (an older bare id) is kept whole, marked
        return ResponseIds.surveyOf(responseId).filter(surveyId::equals)
                .map(survey -> responseId.substring(survey.length() + 1)).orElse(WHOLE + responseId);
    }

    private static String pk(String surveyId, int partition) {
        return PREFIX + surveyId + "#" + partition;
    }

    static String padded(String sequenceNumber) {
        if (sequenceNumber.isEmpty() || sequenceNumber.length() > SEQUENCE_DIGITS || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a stream sequence number: " + sequenceNumber);
        }
        return "0".repeat(SEQUENCE_DIGITS - sequenceNumber.length()) + sequenceNumber;
    }

    private static String unpadded(String padded) {
        String stripped = padded.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }
}
