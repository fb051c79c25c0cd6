package io.halqe.aws.dynamo;

import io.halqe.domain.parking.ParkedWork;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Parked work in the Cases table: pk {@code PARKED#<id>}, sk {@code PARKED}, listed through the {@code byStatus}
 * index under the status {@code parked} (newest first), then {@code requeued} until the owning loop takes it. No case
 * has those statuses, so case lists never show them.
 */
public final class DynamoParkedWork implements ParkedWork {

    private static final String PARKED = "parked";
    private static final String REQUEUED = "requeued";
    /** Set on a response to have the stream deliver it again to the function named. */
    public static final String REQUEUED_FOR = "requeuedFor";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String responsesTable;

    /** @param responsesTable where parked stream records' responses are; null where nothing re-queues them */
    public DynamoParkedWork(DynamoDbClient dynamo, String table, String responsesTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.responsesTable = responsesTable;
    }

    @Override
    public void park(Parked parked) {
        Map<String, AttributeValue> item = new HashMap<>(key(parked.id()));
        item.put("type", Items.s("parked"));
        item.put("status", Items.s(PARKED));
        item.put("dueKey", Items.s(parked.parkedAt() + "#" + parked.id()));
        item.put("kind", Items.s(parked.kind().wireName()));
        item.put("item", Items.s(parked.item()));
        item.put("reason", Items.s(parked.reason()));
        item.put("attempts", Items.n(parked.attempts()));
        item.put("parkedAt", Items.s(parked.parkedAt().toString()));
        Map<String, AttributeValue> detail = new HashMap<>();
        parked.detail().forEach((name, value) -> detail.put(name, Items.s(value)));
        item.put("detail", AttributeValue.fromM(detail));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    @Override
    public List<Parked> list(int limit) {
        return withStatus(PARKED, null, limit);
    }

    @Override
    public Optional<Parked> find(String id) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() || !PARKED.equals(Items.string(item, "status"))
                ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean remove(String id) {
        try {
            dynamo.deleteItem(request -> request.tableName(table).key(key(id))
                    .conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException notThere) {
            return false;
        }
    }

    @Override
    public boolean markRequeued(String id, Instant at) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(id))
                    .updateExpression("SET #status = :requeued, dueKey = :dueKey")
                    .conditionExpression("#status = :parked")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":requeued", Items.s(REQUEUED), ":parked", Items.s(PARKED),
                            ":dueKey", Items.s(at + "#" + id))));
            return true;
        } catch (ConditionalCheckFailedException notParked) {
            return false;
        }
    }

    @Override
    public List<Parked> requeued(Kind kind, int limit) {
        return withStatus(REQUEUED, kind, limit);
    }

    @Override
    public boolean requeueResponse(Parked parked) {
        if (find(parked.id()).isEmpty()) {
            return false;
        }
        var response = Map.of("pk", Items.s(parked.detail().get("pk")), "sk", Items.s(parked.detail().get("sk")));
        try {
            // a response re-queued before carries the mark: taken off first, so setting it again is a change the
            // stream's filter sees (the mark absent before, present after)
            dynamo.updateItem(request -> request.tableName(responsesTable).key(response)
                    .updateExpression("REMOVE " + REQUEUED_FOR).conditionExpression("attribute_exists(" + REQUEUED_FOR + ")"));
        } catch (ConditionalCheckFailedException neverRequeued) {
            // the usual case
        }
        try {
            dynamo.transactWriteItems(request -> request.transactItems(
                    take -> take.delete(delete -> delete.tableName(table).key(key(parked.id()))
                            .conditionExpression("#status = :parked")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(":parked", Items.s(PARKED)))),
                    mark -> mark.update(update -> update.tableName(responsesTable).key(response)
                            .updateExpression("SET " + REQUEUED_FOR + " = :function")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":function", Items.s(parked.kind().wireName()))))));
            return true;
        } catch (TransactionCanceledException notParkedOrGone) {
            return false;
        }
    }

    private List<Parked> withStatus(String status, Kind kind, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", Items.s(status)));
        if (kind != null) {
            values.put(":kind", Items.s(kind.wireName()));
        }
        var keys = dynamo.queryPaginator(request -> {
                    request.tableName(table).indexName("byStatus").keyConditionExpression("#status = :status")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(values).scanIndexForward(false).limit(limit);
                    if (kind != null) {
                        request.filterExpression("kind = :kind");
                    }
                })
                .items().stream().limit(limit).toList();
        // the index holds keys and kind: the parked work itself is read from the table
        return BatchReads.items(dynamo, table, keys).stream().map(DynamoParkedWork::fromItem).toList();
    }

    private static Parked fromItem(Map<String, AttributeValue> item) {
        Map<String, String> detail = new LinkedHashMap<>();
        var stored = item.get("detail");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((name, value) -> detail.put(name, value.s()));
        }
        return new Parked(Items.string(item, "pk").substring("PARKED#".length()),
                Kind.ofWireName(Items.string(item, "kind")).orElseThrow(), Items.string(item, "item"),
                Items.string(item, "reason"), (int) Items.number(item, "attempts"), Items.instant(item, "parkedAt"),
                detail);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s("PARKED#" + id), "sk", Items.s(PARKED));
    }
}
