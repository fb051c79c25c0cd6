package io.halqe.aws.dynamo;

import io.halqe.domain.privacy.RetentionProgress;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Retention progress in the Outreach table (the remeasure sweep's own table): pk {@code RETENTION#<surveyId>}. */
public final class DynamoRetentionProgress implements RetentionProgress {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRetentionProgress(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<String> last(String surveyId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(surveyId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.string(item, "lastKey"));
    }

    @Override
    public void advance(String surveyId, String key) {
        dynamo.updateItem(request -> request.tableName(table).key(key(surveyId)).updateExpression("SET lastKey = :key")
                .expressionAttributeValues(Map.of(":key", Items.s(key))));
    }

    private static Map<String, AttributeValue> key(String surveyId) {
        return Map.of("pk", Items.s("RETENTION#" + surveyId), "sk", Items.s("RETENTION"));
    }
}
