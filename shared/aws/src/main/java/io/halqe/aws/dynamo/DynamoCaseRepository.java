package io.halqe.aws.dynamo;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.CaseWork;
import io.halqe.domain.cases.UpdateCase;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Cases: pk {@code CASE#<id>}, sk {@code CASE}; index {@code byStatus} (status, {@code dueKey} = dueAt#id) lists
 * a status soonest-due first — the queue a team works from and the sweep escalation reads. The index holds the keys
 * and what its queries filter on (team, owner, the escalation marks; parked work's kind), so work on a case (notes,
 * tags, a resolution) leaves it alone; lists read the cases by BatchGetItem.
 */
public final class DynamoCaseRepository implements CaseRepository {

    private static final Set<String> STATUS_PAGE_KEY = Set.of("pk", "sk", "status", "dueKey");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCaseRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Opened openIfAbsent(FollowUpCase followUpCase) {
        try {
            dynamo.putItem(request -> request.tableName(table).item(toItem(followUpCase))
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Opened(followUpCase, true);
        } catch (ConditionalCheckFailedException exists) {
            return new Opened(exists.hasItem() ? fromItem(exists.item()) : find(followUpCase.id()).orElseThrow(), false);
        }
    }

    @Override
    public Optional<FollowUpCase> find(String caseId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(caseId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor) {
        var start = Cursors.decode(cursor, STATUS_PAGE_KEY);
        if (start != null && !status.wireName().equals(start.get("status").s())) {
            throw new io.halqe.domain.core.InvalidCursorException();
        }
        var page = dynamo.query(request -> request.tableName(table).indexName("byStatus")
                .keyConditionExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", Items.s(status.wireName())))
                .limit(limit).exclusiveStartKey(start));
        return new Page<>(BatchReads.items(dynamo, table, page.items()).stream().map(DynamoCaseRepository::fromItem).toList(),
                Cursors.encode(page.lastEvaluatedKey()));
    }

    @Override
    public CaseWork work(String caseId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(caseId))).item();
        if (item == null || item.isEmpty()) {
            return CaseWork.NONE;
        }
        AttributeValue compensation = item.get("compensation");
        List<CaseWork.Note> notes = item.get("notes") == null ? List.of() : item.get("notes").l().stream()
                .map(note -> new CaseWork.Note(Items.instant(note.m(), "at"), Items.string(note.m(), "author"),
                        Items.string(note.m(), "text"))).toList();
        return new CaseWork(item.get("tags") == null ? List.of() : item.get("tags").l().stream().map(AttributeValue::s).toList(),
                Items.string(item, "rootCause"), Items.string(item, "actionsTaken"),
                compensation == null ? null : new CaseWork.Compensation(Items.string(compensation.m(), "type"),
                        Items.string(compensation.m(), "value")),
                notes, Items.string(item, "resolution"), Items.instant(item, "closedAt"),
                Items.instant(item, "escalatedAt"), remeasurement(item.get("remeasurement")));
    }

    private static CaseWork.Remeasurement remeasurement(AttributeValue value) {
        return value == null || !value.hasM() ? null : new CaseWork.Remeasurement(
                Items.integer(value.m(), "scoreBefore"), Items.integer(value.m(), "scoreAfter"),
                Items.instant(value.m(), "answeredAt"));
    }

    @Override
    public List<FollowUpCase> overdue(CaseStatus status, java.time.Instant now, int limit) {
        // escalated cases stay in the range until resolved; the filter skips them (few: they are worked on), and
        // those whose escalation is parked or backing off
        var due = dynamo.queryPaginator(request -> request.tableName(table).indexName("byStatus")
                        .keyConditionExpression("#status = :status AND dueKey < :now")
                        .filterExpression("attribute_not_exists(escalatedAt) AND attribute_not_exists(escalationParked) "
                                + "AND (attribute_not_exists(escalationRetryAt) OR escalationRetryAt <= :now)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":status", Items.s(status.wireName()),
                                ":now", Items.s(now.toString())))
                        .limit(limit))
                .items().stream().limit(limit).toList();
        return BatchReads.items(dynamo, table, due).stream().map(DynamoCaseRepository::fromItem).toList();
    }

    @Override
    public boolean recordRemeasurement(String caseId, CaseWork.Remeasurement remeasurement) {
        Map<String, AttributeValue> measured = new HashMap<>();
        if (remeasurement.scoreBefore() != null) {
            measured.put("scoreBefore", Items.n(remeasurement.scoreBefore()));
        }
        if (remeasurement.scoreAfter() != null) {
            measured.put("scoreAfter", Items.n(remeasurement.scoreAfter()));
        }
        measured.put("answeredAt", Items.s(remeasurement.answeredAt().toString()));
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("SET remeasurement = :measured")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(remeasurement)")
                    .expressionAttributeValues(Map.of(":measured", AttributeValue.fromM(measured))));
            return true;
        } catch (ConditionalCheckFailedException missingOrRecorded) {
            return false;
        }
    }

    @Override
    public int recordEscalationFailure(String caseId) {
        var updated = dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                .updateExpression("ADD escalationAttempts :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", Items.n(1)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW));
        return Items.integer(updated.attributes(), "escalationAttempts");
    }

    @Override
    public void deferEscalation(String caseId, java.time.Instant retryAt) {
        dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                .updateExpression("SET escalationRetryAt = :retryAt")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":retryAt", Items.s(retryAt.toString()))));
    }

    @Override
    public void parkEscalation(String caseId) {
        dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                .updateExpression("SET escalationParked = :true")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    @Override
    public void clearEscalationFailures(String caseId) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("REMOVE escalationAttempts, escalationRetryAt, escalationParked")
                    .conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException gone) {
            // the case was erased meanwhile: nothing left to escalate
        }
    }

    @Override
    public boolean markEscalated(String caseId, java.time.Instant at) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("SET escalatedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(escalatedAt) "
                            + "AND NOT #status IN (:resolved, :closed)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":at", Items.s(at.toString()),
                            ":resolved", Items.s(CaseStatus.RESOLVED.wireName()),
                            ":closed", Items.s(CaseStatus.CLOSED.wireName()))));
            return true;
        } catch (ConditionalCheckFailedException escalatedBeforeOrDone) {
            return false;
        }
    }

    @Override
    public Optional<FollowUpCase> update(String caseId, CaseStatus from, CaseStatus to, UpdateCase.Patch patch,
                                         java.time.Instant at) {
        List<String> sets = new ArrayList<>(List.of("updatedAt = :at"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", Items.s(at.toString()),
                ":from", Items.s(from.wireName())));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (to != null) {
            sets.add("#status = :to");
            values.put(":to", Items.s(to.wireName()));
        }
        if (patch.owner() != null) {
            sets.add("#owner = :owner");
            values.put(":owner", Items.s(patch.owner()));
            names.put("#owner", "owner");
        }
        if (patch.team() != null) {
            sets.add("team = :team");
            values.put(":team", Items.s(patch.team()));
        }
        if (patch.tags() != null) {
            sets.add("tags = :tags");
            values.put(":tags", AttributeValue.fromL(patch.tags().stream().map(Items::s).toList()));
        }
        if (patch.rootCause() != null) {
            sets.add("rootCause = :rootCause");
            values.put(":rootCause", Items.s(patch.rootCause()));
        }
        if (patch.actionsTaken() != null) {
            sets.add("actionsTaken = :actionsTaken");
            values.put(":actionsTaken", Items.s(patch.actionsTaken()));
        }
        if (patch.compensation() != null) {
            sets.add("compensation = :compensation");
            values.put(":compensation", AttributeValue.fromM(Map.of("type", Items.s(patch.compensation().type()),
                    "value", Items.s(patch.compensation().value()))));
        }
        try {
            var updated = dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW));
            return Optional.of(fromItem(updated.attributes()));
        } catch (ConditionalCheckFailedException movedMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public boolean addNote(String caseId, CaseWork.Note note) {
        Map<String, AttributeValue> entry = new HashMap<>(Map.of("at", Items.s(note.at().toString()), "text", Items.s(note.text())));
        if (note.author() != null) {
            entry.put("author", Items.s(note.author()));
        }
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("SET notes = list_append(if_not_exists(notes, :empty), :note)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":empty", AttributeValue.fromL(List.of()),
                            ":note", AttributeValue.fromL(List.of(AttributeValue.fromM(entry))))));
            return true;
        } catch (ConditionalCheckFailedException noSuchCase) {
            return false;
        }
    }

    @Override
    public Page<FollowUpCase> list(CaseStatus status, String team, String owner, int limit, String cursor) {
        var start = Cursors.decode(cursor, STATUS_PAGE_KEY);
        if (start != null && !status.wireName().equals(start.get("status").s())) {
            throw new io.halqe.domain.core.InvalidCursorException();
        }
        List<String> filters = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", Items.s(status.wireName())));
        if (team != null) {
            filters.add("team = :team");
            values.put(":team", Items.s(team));
        }
        if (owner != null) {
            filters.add("#owner = :owner");
            values.put(":owner", Items.s(owner));
        }
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (owner != null) {
            names.put("#owner", "owner");
        }
        var page = dynamo.query(request -> request.tableName(table).indexName("byStatus")
                .keyConditionExpression("#status = :status")
                .filterExpression(filters.isEmpty() ? null : String.join(" AND ", filters))
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .limit(limit).exclusiveStartKey(start));
        return new Page<>(BatchReads.items(dynamo, table, page.items()).stream().map(DynamoCaseRepository::fromItem).toList(),
                Cursors.encode(page.lastEvaluatedKey()));
    }

    @Override
    public boolean anonymise(String caseId) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("REMOVE #comment, notes, resolution, actionsTaken")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#comment", "comment")));
            return true;
        } catch (ConditionalCheckFailedException noCase) {
            return false;
        }
    }

    @Override
    public Optional<Closed> close(String caseId, String resolution, java.time.Instant at) {
        try {
            var updated = dynamo.updateItem(request -> request.tableName(table).key(key(caseId))
                    .updateExpression("SET #status = :closed, resolution = :resolution, closedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND #status <> :closed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":closed", Items.s(CaseStatus.CLOSED.wireName()),
                            ":resolution", Items.s(resolution), ":at", Items.s(at.toString())))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW));
            return Optional.of(new Closed(fromItem(updated.attributes()), true));
        } catch (ConditionalCheckFailedException closedBeforeOrMissing) {
            return find(caseId).map(closedBefore -> new Closed(closedBefore, false));
        }
    }

    private static Map<String, AttributeValue> key(String caseId) {
        return Map.of("pk", Items.s("CASE#" + caseId), "sk", Items.s("CASE"));
    }

    private static Map<String, AttributeValue> toItem(FollowUpCase c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        item.put("caseId", Items.s(c.id()));
        item.put("responseId", Items.s(c.responseId()));
        item.put("surveyId", Items.s(c.surveyId()));
        item.put("status", Items.s(c.status().wireName()));
        item.put("team", Items.s(c.team()));
        item.put("owner", Items.s(c.owner()));
        item.put("reason", Items.s(c.reason()));
        if (c.npsScore() != null) {
            item.put("npsScore", Items.n(c.npsScore()));
        }
        if (c.comment() != null) {
            item.put("comment", Items.s(c.comment()));
        }
        if (c.language() != null) {
            item.put("language", Items.s(c.language()));
        }
        item.put("openedAt", Items.s(c.openedAt().toString()));
        item.put("dueAt", Items.s(c.dueAt().toString()));
        item.put("dueKey", Items.s(c.dueAt() + "#" + c.id()));
        return item;
    }

    private static FollowUpCase fromItem(Map<String, AttributeValue> item) {
        return new FollowUpCase(Items.string(item, "caseId"), Items.string(item, "responseId"),
                Items.string(item, "surveyId"), CaseStatus.fromWire(Items.string(item, "status")),
                Items.string(item, "team"), Items.string(item, "owner"), Items.string(item, "reason"),
                Items.integer(item, "npsScore"), Items.string(item, "comment"), Items.string(item, "language"),
                Items.instant(item, "openedAt"), Items.instant(item, "dueAt"));
    }
}
