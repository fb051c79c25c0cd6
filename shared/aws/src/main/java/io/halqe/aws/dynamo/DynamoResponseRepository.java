package io.halqe.aws.dynamo;

import io.halqe.domain.response.Enrichment;
import io.halqe.domain.core.InvalidCursorException;
import io.halqe.domain.core.Page;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseIds;
import io.halqe.domain.response.ResponseRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Responses (key design in {@link ResponseItems}); an id names its survey, so one is found by key (the sparse index
 * {@code byId} finds those from before ids did), {@code bySurvey} lists them,
 * {@code byDraftDue} lists drafts due to be finalized. The indexes hold keys only, so enriching an answer (or any
 * write that leaves the index keys alone) writes the table and no index; lists read the answers by BatchGetItem.
 */
public final class DynamoResponseRepository implements ResponseRepository {

    private static final Set<String> SURVEY_PAGE_KEY = Set.of("pk", "sk", "surveyId", "submittedKey");
    /** A response is written where none is, or over a draft (the complete answer replaces its partial save). */
    private static final String ABSENT_OR_DRAFT = "attribute_not_exists(pk) OR #status = :draft";
    private static final Map<String, String> STATUS = Map.of("#status", "status");
    private static final Map<String, AttributeValue> DRAFT = Map.of(":draft", Items.s("draft"));

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoResponseRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The bySurvey index, oldest first, between the two keys (submittedKey is {@code <instant>#<id>}). */
    @Override
    public List<Keyed> submittedBetween(String surveyId, String afterKey, Instant before, int limit) {
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":survey", Items.s(surveyId));
        values.put(":before", Items.s(before.toString()));
        if (afterKey != null) {
            values.put(":after", Items.s(afterKey));
        }
        // a key attribute's value may not be empty, so the first listing has no lower bound at all
        String range = afterKey == null ? "submittedKey < :before" : "submittedKey BETWEEN :after AND :before";
        List<Map<String, AttributeValue>> keys = new java.util.ArrayList<>();
        for (var item : dynamo.queryPaginator(request -> request.tableName(table).indexName("bySurvey")
                .keyConditionExpression("surveyId = :survey AND " + range)
                .expressionAttributeValues(values).scanIndexForward(true).limit(Math.max(1, limit))).items()) {
            String key = Items.string(item, "submittedKey");
            if (key.equals(afterKey) || key.compareTo(before.toString()) >= 0) {
                continue;
            }
            keys.add(item);
            if (keys.size() >= limit) {
                break;
            }
        }
        // the index holds keys only: the answers themselves are read from the table
        return BatchReads.items(dynamo, table, keys).stream()
                .map(item -> new Keyed(ResponseItems.fromItem(item), Items.string(item, "submittedKey"))).toList();
    }

    @Override
    public void replaceAnonymised(Response anonymised) {
        dynamo.putItem(request -> request.tableName(table).item(ResponseItems.toItem(anonymised))
                .conditionExpression("attribute_exists(pk)"));
    }

    @Override
    public Optional<Response> insertIfAbsent(Response response) {
        try {
            dynamo.putItem(request -> request.tableName(table).item(ResponseItems.toItem(response))
                    .conditionExpression(ABSENT_OR_DRAFT).expressionAttributeNames(STATUS).expressionAttributeValues(DRAFT)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException exists) {
            return Optional.of(exists.hasItem() ? ResponseItems.fromItem(exists.item()) : stored(response));
        }
    }

    /** The same conditional puts, a hundred in one transaction (an import's answers). */
    @Override
    public List<Optional<Response>> insertAllIfAbsent(List<Response> batch) {
        List<Optional<Response>> met = new java.util.ArrayList<>(java.util.Collections.nCopies(batch.size(), Optional.empty()));
        List<TransactWriteItem> puts = batch.stream().map(response -> TransactWriteItem.builder().put(put -> put
                .tableName(table).item(ResponseItems.toItem(response)).conditionExpression(ABSENT_OR_DRAFT)
                .expressionAttributeNames(STATUS).expressionAttributeValues(DRAFT)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build()).toList();
        TransactWrites.write(dynamo, puts, new TransactWrites.Refusals() {
            @Override
            public void conditionFailed(int index, CancellationReason reason) {
                met.set(index, Optional.of(reason.hasItem() && !reason.item().isEmpty()
                        ? ResponseItems.fromItem(reason.item()) : stored(batch.get(index))));
            }

            @Override
            public void alone(int index) {
                met.set(index, insertIfAbsent(batch.get(index)));
            }
        });
        return met;
    }

    /** The stored item in the response's place, read consistently (it was just met). */
    private Response stored(Response response) {
        return ResponseItems.fromItem(dynamo.getItem(request -> request.tableName(table)
                .key(ResponseItems.key(response.surveyId(), response.id())).consistentRead(true)).item());
    }

    @Override
    public boolean completeLate(Response previous, Response completed) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(ResponseItems.toItem(completed));
        // what scoring counted for the partial answer, so it can take exactly that back
        item.put(ResponseItems.PREVIOUS, AttributeValue.fromM(ResponseItems.toItem(previous)));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression("#status = :enriched AND #partial = :true")
                    .expressionAttributeNames(Map.of("#status", "status", "#partial", "partial"))
                    .expressionAttributeValues(Map.of(":enriched", Items.s("enriched"), ":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException completedMeanwhile) {
            return false;
        }
    }

    @Override
    public List<Response> abandonedDrafts(Instant now, int limit) {
        var keys = dynamo.query(request -> request.tableName(table).indexName("byDraftDue")
                        .keyConditionExpression("draftShard = :draft AND finalizeKey <= :now")
                        .expressionAttributeValues(Map.of(":draft", Items.s(ResponseItems.DRAFT_SHARD),
                                ":now", Items.s(now + "#\uffff")))
                        .limit(limit))
                .items();
        // a draft completed since the index was read is not one any more
        return BatchReads.items(dynamo, table, keys).stream().map(ResponseItems::fromItem)
                .filter(draft -> draft.status() == io.halqe.domain.response.ResponseStatus.DRAFT).toList();
    }

    @Override
    public boolean finalizeDraft(Response draft) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(ResponseItems.key(draft.surveyId(), draft.id()))
                    .updateExpression("SET #status = :received, #partial = :true REMOVE draftShard, finalizeKey")
                    .conditionExpression("#status = :draft")
                    .expressionAttributeNames(Map.of("#status", "status", "#partial", "partial"))
                    .expressionAttributeValues(Map.of(":received", Items.s("received"), ":draft", Items.s("draft"),
                            ":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException completedMeanwhile) {
            return false;
        }
    }

    @Override
    public Optional<Response> find(String surveyId, String responseId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(ResponseItems.key(surveyId, responseId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ResponseItems.fromItem(item));
    }

    /** By BatchGetItem where ids name the survey; any other one by itself. */
    @Override
    public List<Response> findAll(String surveyId, List<String> responseIds) {
        List<Map<String, AttributeValue>> keys = responseIds.stream()
                .filter(id -> ResponseIds.surveyOf(id).filter(surveyId::equals).isPresent())
                .map(id -> ResponseItems.key(surveyId, id)).toList();
        Map<String, Response> found = new java.util.HashMap<>();
        BatchReads.items(dynamo, table, keys).stream().map(ResponseItems::fromItem)
                .forEach(response -> found.put(response.id(), response));
        return responseIds.stream().map(id -> found.containsKey(id) ? Optional.of(found.get(id))
                        : ResponseIds.surveyOf(id).isPresent() ? Optional.<Response>empty() : find(id))
                .flatMap(Optional::stream).filter(response -> response.surveyId().equals(surveyId)).toList();
    }

    /** By key when the id names its survey; else (an id from before that form) through the sparse byId index. */
    @Override
    public Optional<Response> find(String responseId) {
        Optional<Response> byKey = ResponseIds.surveyOf(responseId).flatMap(survey -> find(survey, responseId));
        return byKey.isPresent() ? byKey : findByLegacyId(responseId);
    }

    private Optional<Response> findByLegacyId(String responseId) {
        var keys = dynamo.query(request -> request.tableName(table).indexName("byId")
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", ResponseItems.LEGACY_ID))
                .expressionAttributeValues(Map.of(":id", Items.s(responseId)))).items();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> key = Map.of("pk", keys.get(0).get("pk"), "sk", keys.get(0).get("sk"));
        var item = dynamo.getItem(request -> request.tableName(table).key(key)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ResponseItems.fromItem(item));
    }

    @Override
    public boolean markEnriched(Response response, Enrichment enrichment) {
        try {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(ResponseItems.key(response.surveyId(), response.id()))
                    .updateExpression("SET #status = :enriched, enrichment = :enrichment")
                    .conditionExpression("#status = :received")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":enriched", Items.s("enriched"),
                            ":received", Items.s("received"),
                            ":enrichment", ResponseItems.enrichment(enrichment, response.answers()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyEnriched) {
            return false;
        }
    }

    /** Newest first. */
    @Override
    public Page<Response> listBySurvey(String surveyId, int limit, String cursor) {
        return listBySurvey(surveyId, null, null, limit, cursor);
    }

    /** The key range is whole seconds ({@link ResponseRepository#firstKeyOfSecond}), then the page keeps the window exactly. */
    @Override
    public Page<Response> listBySurvey(String surveyId, Instant from, Instant to, int limit, String cursor) {
        var start = Cursors.decode(cursor, SURVEY_PAGE_KEY);
        if (start != null && !surveyId.equals(start.get("surveyId").s())) {
            throw new InvalidCursorException();
        }
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":survey", Items.s(surveyId)));
        String condition = "surveyId = :survey";
        if (from != null || to != null) {
            values.put(":from", Items.s(from == null ? "0" : ResponseRepository.firstKeyOfSecond(from)));
            values.put(":to", Items.s(to == null ? "9" : to.plusSeconds(1).toString()));
            condition += " AND submittedKey BETWEEN :from AND :to";
        }
        String keyCondition = condition;
        var page = dynamo.query(request -> request.tableName(table).indexName("bySurvey")
                .keyConditionExpression(keyCondition).expressionAttributeValues(values)
                .scanIndexForward(false).limit(limit).exclusiveStartKey(start));
        return new Page<>(BatchReads.items(dynamo, table, page.items()).stream().map(ResponseItems::fromItem)
                .filter(response -> response.submittedWithin(from, to)).toList(),
                Cursors.encode(page.lastEvaluatedKey()));
    }
}
