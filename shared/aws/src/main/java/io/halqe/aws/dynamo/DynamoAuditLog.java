package io.halqe.aws.dynamo;

import io.halqe.aws.json.Json;
import io.halqe.domain.access.AuditEntry;
import io.halqe.domain.access.AuditLog;
import io.halqe.domain.core.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit table: one partition per month ({@code pk AUDIT#<yyyy-MM>}), entries sorted by time
 * ({@code sk <instant>#<id>}). Written only by conditional PutItem (an entry never replaces another); the functions
 * are granted no UpdateItem or DeleteItem on it. Listing walks the months newest first; an actor or target is a
 * filter on the month's entries (admin changes are few).
 */
public final class DynamoAuditLog implements AuditLog {

    private static final Set<String> PAGE_KEY = Set.of("pk", "sk");
    /** The first month a listing without {@code from} reaches back to. */
    private static final int MONTHS_BACK = 24;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", Items.s("AUDIT#" + entry.at().toString().substring(0, 7)));
        item.put("sk", Items.s(entry.at() + "#" + entry.id()));
        item.put("id", Items.s(entry.id()));
        item.put("at", Items.s(entry.at().toString()));
        item.put("actor", Items.s(entry.actor()));
        item.put("action", Items.s(entry.action()));
        item.put("target", Items.s(entry.target()));
        item.put("summary", Items.s(Json.write(entry.summary())));
        dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Page<AuditEntry> list(String actor, String target, Instant from, Instant to, int limit, String cursor) {
        Instant high = to == null ? Instant.now().plusSeconds(86_400) : to;
        Instant low = from == null ? high.atZone(java.time.ZoneOffset.UTC).minusMonths(MONTHS_BACK).toInstant() : from;
        var start = Cursors.decode(cursor, PAGE_KEY);
        List<AuditEntry> entries = new ArrayList<>();
        String month = start == null ? high.toString().substring(0, 7) : start.get("pk").s().substring("AUDIT#".length());
        Map<String, AttributeValue> exclusiveStart = start;
        while (month.compareTo(low.toString().substring(0, 7)) >= 0 && entries.size() < limit) {
            String partition = "AUDIT#" + month;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Items.s(partition),
                    ":low", Items.s(low.toString()), ":high", Items.s(high + "~")));
            StringBuilder filter = new StringBuilder();
            Map<String, String> names = new HashMap<>();
            if (actor != null) {
                filter.append("actor = :actor");
                values.put(":actor", Items.s(actor));
            }
            if (target != null) {
                filter.append(filter.isEmpty() ? "" : " AND ").append("#target = :target");
                names.put("#target", "target");
                values.put(":target", Items.s(target));
            }
            Map<String, AttributeValue> pageStart = exclusiveStart;
            var page = dynamo.query(request -> {
                request.tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :low AND :high")
                        .expressionAttributeValues(values).scanIndexForward(false).limit(limit - entries.size())
                        .exclusiveStartKey(pageStart);
                if (!filter.isEmpty()) {
                    request.filterExpression(filter.toString());
                }
                if (!names.isEmpty()) {
                    request.expressionAttributeNames(names);
                }
            });
            page.items().forEach(item -> entries.add(entry(item)));
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                if (entries.size() >= limit) {
                    return new Page<>(entries, Cursors.encode(page.lastEvaluatedKey()));
                }
                exclusiveStart = page.lastEvaluatedKey();
                continue;
            }
            exclusiveStart = null;
            month = java.time.YearMonth.parse(month).minusMonths(1).toString();
        }
        String next = entries.size() >= limit && month.compareTo(low.toString().substring(0, 7)) >= 0
                ? Cursors.encode(Map.of("pk", Items.s("AUDIT#" + month), "sk", Items.s(entries.get(entries.size() - 1).at()
                + "#" + entries.get(entries.size() - 1).id()))) : null;
        return new Page<>(entries, next);
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        Map<String, Object> summary;
        try {
            summary = Json.MAPPER.readValue(Items.string(item, "summary"),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException unreadable) {
            summary = Map.of("unreadable", true);
        }
        return new AuditEntry(Items.string(item, "id"), Items.instant(item, "at"), Items.string(item, "actor"),
                Items.string(item, "action"), Items.string(item, "target"), summary);
    }
}
