package io.halqe.aws.dynamo;

import io.halqe.domain.outreach.ContactLog;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The last contact per customer (epoch milliseconds, so comparisons are numeric) in the Outreach table (pk {@code CONTACT#<customerKey>}, sk {@code CONTACT}). The
 * cap's claim is one conditional update, so overlapping sweeps cannot both invite a customer.
 */
public final class DynamoContactLog implements ContactLog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoContactLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean claim(String customerKey, String outreachId, Instant at, Instant capStart) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(customerKey))
                    .updateExpression("SET lastContactMs = :at, lastOutreachId = :id")
                    .conditionExpression("attribute_not_exists(lastContactMs) OR lastContactMs < :capStart "
                            + "OR lastOutreachId = :id")
                    .expressionAttributeValues(Map.of(":at", Items.n(at.toEpochMilli()), ":id", Items.s(outreachId),
                            ":capStart", Items.n(capStart.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException contactedRecently) {
            return false;
        }
    }

    @Override
    public void record(String customerKey, String outreachId, Instant at) {
        dynamo.updateItem(request -> request.tableName(table).key(key(customerKey))
                .updateExpression("SET lastContactMs = :at, lastOutreachId = :id")
                .expressionAttributeValues(Map.of(":at", Items.n(at.toEpochMilli()), ":id", Items.s(outreachId))));
    }

    @Override
    public Optional<Instant> lastContact(String customerKey) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(customerKey)).consistentRead(true)).item();
        return item == null || !item.containsKey("lastContactMs") ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Items.number(item, "lastContactMs")));
    }

    private static Map<String, AttributeValue> key(String customerKey) {
        return Map.of("pk", Items.s("CONTACT#" + customerKey), "sk", Items.s("CONTACT"));
    }
}
