package io.halqe.aws.dynamo;

import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.OutreachRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Outreach: pk {@code OUT#<id>}, sk {@code OUT}; pending items carry {@code dueShard = pending} and
 * {@code dueKey = dueAt#id} so the sparse index {@code byDue} lists exactly what is waiting, soonest first. Claiming
 * removes the item from the index.
 */
public final class DynamoOutreachRepository implements OutreachRepository {

    private static final String PENDING = "pending";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutreachRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Outreach> due(Instant now, int limit) {
        return dynamo.query(request -> request.tableName(table).indexName("byDue")
                        .keyConditionExpression("dueShard = :pending AND dueKey <= :now")
                        .expressionAttributeValues(Map.of(":pending", Items.s(PENDING),
                                ":now", Items.s(now + "#\uffff")))
                        .limit(limit))
                .items().stream().map(DynamoOutreachRepository::fromItem).toList();
    }

    @Override
    public boolean claim(Outreach outreach, Instant now) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                    .updateExpression("SET #status = :sending, claimedAt = :now REMOVE dueShard")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", Items.s("sending"), ":pending", Items.s(PENDING),
                            ":now", Items.s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void markSent(Outreach outreach, Instant now) {
        dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                .updateExpression("SET #status = :sent, sentAt = :now")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", Items.s("sent"), ":now", Items.s(now.toString()))));
    }

    @Override
    public void release(Outreach outreach) {
        dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                .updateExpression("SET #status = :pending, dueShard = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":pending", Items.s(PENDING))));
    }

    @Override
    public void schedule(Outreach outreach) {
        Map<String, AttributeValue> item = new HashMap<>(key(outreach.id()));
        item.put("outreachId", Items.s(outreach.id()));
        item.put("kind", Items.s(outreach.kind()));
        item.put("surveyId", Items.s(outreach.surveyId()));
        item.put("customerId", Items.s(outreach.customerId()));
        item.put("email", Items.s(outreach.email()));
        item.put("language", Items.s(outreach.language()));
        item.put("dueAt", Items.s(outreach.dueAt().toString()));
        item.put("status", Items.s(PENDING));
        item.put("dueShard", Items.s(PENDING));
        item.put("dueKey", Items.s(outreach.dueAt() + "#" + outreach.id()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException scheduledBefore) {
            // the same outreach id is the same contact: scheduling twice keeps the first
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s("OUT#" + id), "sk", Items.s("OUT"));
    }

    private static Outreach fromItem(Map<String, AttributeValue> item) {
        return new Outreach(Items.string(item, "outreachId"), Items.string(item, "kind"),
                Items.string(item, "surveyId"), Items.string(item, "customerId"), Items.string(item, "email"),
                Items.string(item, "language"), Items.instant(item, "dueAt"));
    }
}
