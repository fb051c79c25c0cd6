package io.halqe.aws.dynamo;

import io.halqe.aws.json.Json;
import io.halqe.domain.alerts.DigestEntry;
import io.halqe.domain.alerts.DigestPeriod;
import io.halqe.domain.alerts.DigestStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Digest entries in the Cases table: one partition per period ({@code DIGEST#daily#2026-11-23}), sorted by
 * recipient, rule and response — so adding an entry twice overwrites it, and a period is one paged Query. Entries
 * expire by TTL after {@link #KEEP}.
 */
public final class DynamoDigestStore implements DigestStore {

    static final Duration KEEP = Duration.ofDays(60);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDigestStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(DigestEntry entry) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                "pk", Items.s(partition(entry.period(), entry.periodKey())),
                "sk", Items.s(entry.recipient() + "#" + entry.ruleId() + "#" + entry.responseId()),
                "entry", Items.s(Json.write(entry)),
                "expiresAt", Items.n(entry.at().plus(KEEP).getEpochSecond()))));
    }

    @Override
    public List<DigestEntry> entries(DigestPeriod period, String periodKey) {
        return dynamo.queryPaginator(request -> request.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(partition(period.id(), periodKey)))))
                .items().stream().map(item -> read(Items.string(item, "entry"))).toList();
    }

    private static String partition(String period, String periodKey) {
        return "DIGEST#" + period + "#" + periodKey;
    }

    private static DigestEntry read(String json) {
        try {
            return Json.MAPPER.readValue(json, DigestEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
