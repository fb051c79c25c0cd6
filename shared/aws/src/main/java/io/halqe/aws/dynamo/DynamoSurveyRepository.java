package io.halqe.aws.dynamo;

import io.halqe.aws.json.Json;
import io.halqe.aws.json.SurveyJson;
import io.halqe.domain.core.Page;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Surveys: pk {@code SURVEY#<id>}; sk {@code CURRENT} is the live definition, {@code V#<000001>} each version
 * (kept so old responses can always be read against the version they answered). A new version is written with the
 * new current pointer in one transaction, conditional on the version it replaces. An unpublished draft shown by the
 * hosted page's preview is pk {@code PREVIEW#<previewId>}, sk {@code PREVIEW}, gone by TTL ({@code expiresAt}).
 */
public final class DynamoSurveyRepository implements SurveyRepository {

    private static final Set<String> PAGE_KEY = Set.of("pk", "sk");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSurveyRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Survey> find(String surveyId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(surveyId, "CURRENT"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void save(Survey survey) {
        for (String sk : new String[] {"CURRENT", versionKey(survey.version())}) {
            dynamo.putItem(request -> request.tableName(table).item(item(survey, sk)));
        }
    }

    @Override
    public boolean create(Survey survey) {
        return write(survey, "attribute_not_exists(pk)", Map.of());
    }

    @Override
    public boolean replace(Survey next) {
        return write(next, "version = :previous", Map.of(":previous", Items.n(next.version() - 1)));
    }

    private boolean write(Survey survey, String currentCondition, Map<String, AttributeValue> values) {
        Put current = Put.builder().tableName(table).item(item(survey, "CURRENT")).conditionExpression(currentCondition)
                .expressionAttributeValues(values.isEmpty() ? null : values).build();
        Put version = Put.builder().tableName(table).item(item(survey, versionKey(survey.version())))
                .conditionExpression("attribute_not_exists(pk)").build();
        try {
            dynamo.transactWriteItems(request -> request.transactItems(
                    TransactWriteItem.builder().put(current).build(), TransactWriteItem.builder().put(version).build()));
            return true;
        } catch (TransactionCanceledException | ConditionalCheckFailedException lost) {
            return false;
        }
    }

    /** Current versions, in key order; a small table, so a filtered scan pages well enough for the admin API. */
    @Override
    public Page<Survey> list(int limit, String cursor) {
        var start = Cursors.decode(cursor, PAGE_KEY);
        var page = dynamo.scan(request -> request.tableName(table).filterExpression("sk = :current")
                .expressionAttributeValues(Map.of(":current", Items.s("CURRENT"))).limit(limit).exclusiveStartKey(start));
        return new Page<>(page.items().stream().map(DynamoSurveyRepository::fromItem).toList(),
                Cursors.encode(page.lastEvaluatedKey()));
    }

    @Override
    public List<Survey> versions(String surveyId, int limit) {
        return dynamo.query(request -> request.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :version)")
                        .expressionAttributeValues(Map.of(":pk", Items.s("SURVEY#" + surveyId), ":version", Items.s("V#")))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(DynamoSurveyRepository::fromItem).toList();
    }

    @Override
    public void savePreview(String previewId, Survey draft, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(previewKey(previewId));
        item.put("definition", Items.s(Json.write(draft)));
        item.put("expiresAt", Items.n(expiresAt.getEpochSecond()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    /** TTL removes an expired item within days, not at once: the expiry is checked here. */
    @Override
    public Optional<Survey> findPreview(String previewId, Instant now) {
        var item = dynamo.getItem(request -> request.tableName(table)
                .key(previewKey(previewId))).item();
        if (item == null || item.isEmpty() || Long.parseLong(item.get("expiresAt").n()) < now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(item));
    }

    private static Map<String, AttributeValue> item(Survey survey, String sk) {
        Map<String, AttributeValue> item = new HashMap<>(key(survey.id(), sk));
        item.put("definition", Items.s(Json.write(survey)));
        item.put("version", Items.n(survey.version()));
        return item;
    }

    /** Read with the streaming core: a submission's cold start reads a definition and needs no mapper otherwise. */
    private static Survey fromItem(Map<String, AttributeValue> item) {
        try {
            return SurveyJson.read(item.get("definition").s());
        } catch (IOException e) {
            throw new IllegalStateException("stored survey " + item.get("pk").s() + " is unreadable", e);
        }
    }

    private static String versionKey(int version) {
        return "V#%06d".formatted(version);
    }

    private static Map<String, AttributeValue> previewKey(String previewId) {
        return Map.of("pk", Items.s("PREVIEW#" + previewId), "sk", Items.s("PREVIEW"));
    }

    private static Map<String, AttributeValue> key(String surveyId, String sk) {
        return Map.of("pk", Items.s("SURVEY#" + surveyId), "sk", Items.s(sk));
    }
}
