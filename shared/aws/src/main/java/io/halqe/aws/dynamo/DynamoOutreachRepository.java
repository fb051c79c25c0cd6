package io.halqe.aws.dynamo;

import io.halqe.aws.json.Json;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.OutreachRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Outreach: pk {@code OUT#<id>}, sk {@code OUT}, the outreach as JSON; pending items carry {@code dueShard = pending}
 * and {@code dueKey = <epoch ms, zero-padded>#id} so the sparse index {@code byDue} lists exactly what is waiting,
 * soonest first. Claiming removes the item from the index; sent and skipped items expire a year later.
 */
public final class DynamoOutreachRepository implements OutreachRepository {

    private static final String PENDING = "pending";
    private static final String SENDING = "sending";
    private static final String PARKED = "parked";
    private static final Duration KEEP_DONE = Duration.ofDays(365);
    /**
     * How long a claim holds: well past the function's timeout (30 s), so only a sweep that died mid-send leaves one
     * to expire, and the next sweep after that takes the item again.
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutreachRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Outreach> due(Instant now, int limit) {
        // what is due, and what a sweep that died mid-send left claimed past its timeout
        List<Outreach> due = new java.util.ArrayList<>();
        for (String shard : List.of(PENDING, SENDING)) {
            dynamo.query(request -> request.tableName(table).indexName("byDue")
                            .keyConditionExpression("dueShard = :shard AND dueKey <= :now")
                            .expressionAttributeValues(Map.of(":shard", Items.s(shard), ":now", Items.s(dueKey(now, "\uffff"))))
                            .limit(limit))
                    .items().stream().map(DynamoOutreachRepository::fromItem).forEach(due::add);
        }
        return due.stream().limit(limit).toList();
    }

    @Override
    public boolean claim(Outreach outreach, Instant now) {
        try {
            // a claim is listed (shard "sending") until it expires, so a crashed send is taken up again
            dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                    .updateExpression("SET #status = :sending, claimedAt = :now, dueShard = :sending, dueKey = :expires")
                    .conditionExpression("#status = :pending OR (#status = :sending AND dueKey <= :nowKey)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":sending", Items.s(SENDING), ":pending", Items.s(PENDING),
                            ":now", Items.s(now.toString()),
                            ":expires", Items.s(dueKey(now.plus(CLAIM_TIMEOUT), outreach.id())),
                            ":nowKey", Items.s(dueKey(now, "\uffff")))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public int recordFailure(Outreach outreach, String reason) {
        var updated = dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                .updateExpression("ADD attempts :one SET lastError = :reason")
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":reason", Items.s(reason)))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW));
        return Integer.parseInt(updated.attributes().get("attempts").n());
    }

    @Override
    public void park(Outreach outreach, String reason, Instant now) {
        // listed under the shard "parked", newest first, until re-queued
        dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                .updateExpression("SET #status = :parked, dueShard = :parked, dueKey = :parkedKey, parkedAt = :now, "
                        + "parkReason = :reason")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":parked", Items.s(PARKED), ":parkedKey", Items.s(dueKey(now, outreach.id())),
                        ":now", Items.s(now.toString()), ":reason", Items.s(reason))));
    }

    @Override
    public List<Parked> parked(int limit) {
        return dynamo.query(request -> request.tableName(table).indexName("byDue")
                        .keyConditionExpression("dueShard = :parked")
                        .expressionAttributeValues(Map.of(":parked", Items.s(PARKED)))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(item -> new Parked(fromItem(item), Items.string(item, "parkReason"),
                        item.containsKey("attempts") ? Integer.parseInt(item.get("attempts").n()) : 0,
                        Items.instant(item, "parkedAt"))).toList();
    }

    @Override
    public boolean requeue(String id, Instant now) {
        var stored = find(id);
        if (stored.isEmpty() || !stored.get().status().equals(PARKED)) {
            return false;
        }
        Outreach due = stored.get().outreach().withDueAt(now);
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(id))
                    .updateExpression("SET #status = :pending, dueShard = :pending, dueKey = :dueKey, outreach = :outreach "
                            + "REMOVE attempts, lastError, parkedAt, parkReason")
                    .conditionExpression("#status = :parked")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pending", Items.s(PENDING), ":parked", Items.s(PARKED),
                            ":dueKey", Items.s(dueKey(now, id)), ":outreach", Items.s(Json.write(due)))));
            return true;
        } catch (ConditionalCheckFailedException notParked) {
            return false;
        }
    }

    @Override
    public void markSent(Outreach outreach, Instant now) {
        finish(outreach, "sent", now);
    }

    @Override
    public void markSkipped(Outreach outreach, String reason, Instant now) {
        finish(outreach, "skipped:" + reason, now);
    }

    private void finish(Outreach outreach, String status, Instant now) {
        dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                .updateExpression("SET #status = :status, doneAt = :now, expiresAt = :expires REMOVE dueShard, dueKey")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", Items.s(status), ":now", Items.s(now.toString()),
                        ":expires", Items.n(now.plus(KEEP_DONE).getEpochSecond()))));
    }

    @Override
    public void release(Outreach outreach, Instant dueAt) {
        Outreach due = outreach.withDueAt(dueAt);
        dynamo.updateItem(request -> request.tableName(table).key(key(outreach.id()))
                .updateExpression("SET #status = :pending, dueShard = :pending, dueKey = :dueKey, outreach = :outreach")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":pending", Items.s(PENDING),
                        ":dueKey", Items.s(dueKey(dueAt, outreach.id())), ":outreach", Items.s(Json.write(due)))));
    }

    @Override
    public boolean schedule(Outreach outreach) {
        Map<String, AttributeValue> item = new HashMap<>(key(outreach.id()));
        item.put("outreach", Items.s(Json.write(outreach)));
        item.put("kind", Items.s(outreach.kind().wireName()));
        item.put("surveyId", Items.s(outreach.surveyId()));
        item.put("status", Items.s(PENDING));
        item.put("dueShard", Items.s(PENDING));
        item.put("dueKey", Items.s(dueKey(outreach.dueAt(), outreach.id())));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException scheduledBefore) {
            // the same outreach id is the same contact: scheduling twice keeps the first
            return false;
        }
    }

    @Override
    public Optional<Stored> find(String id) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Stored(fromItem(item), Items.string(item, "status")));
    }

    private static String dueKey(Instant due, String id) {
        return "%015d#%s".formatted(due.toEpochMilli(), id);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", Items.s("OUT#" + id), "sk", Items.s("OUT"));
    }

    private static Outreach fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(Items.string(item, "outreach"), Outreach.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
