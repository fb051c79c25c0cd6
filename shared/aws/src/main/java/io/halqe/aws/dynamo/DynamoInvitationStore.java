package io.halqe.aws.dynamo;

import io.halqe.aws.json.InvitationJson;
import io.halqe.aws.json.Json;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.InvitationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Invitations in the Outreach table: pk {@code INV#<id>}, sk {@code INV}, the invitation as JSON, removed by TTL a
 * week after its link expires (an answer arriving late still finds it until then). Each survey's invitations sent a
 * day (in the reporting zone) are counted at pk {@code SENT#<surveyId>}, sk {@code <yyyy-mm-dd>}: the put says whether
 * the invitation is new (a reminder's is not), and only then is the day's count added to. A crash between the two
 * writes loses one from the count, never counts one twice.
 */
public final class DynamoInvitationStore implements InvitationStore {

    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(7);
    private static final String SENT = "SENT#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ZoneId zone;

    public DynamoInvitationStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, ZoneOffset.UTC);
    }

    /** Counting each day's invitations in the reporting zone. */
    public DynamoInvitationStore(DynamoDbClient dynamo, String table, ZoneId zone) {
        this.dynamo = dynamo;
        this.table = table;
        this.zone = zone;
    }

    @Override
    public void save(Invitation invitation, Instant sentAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(invitation.id()));
        item.put("invitation", Items.s(Json.write(invitation)));
        item.put("surveyId", Items.s(invitation.surveyId()));
        item.put("expiresAt", Items.n(invitation.expiresAt().plus(KEEP_AFTER_EXPIRY).getEpochSecond()));
        var before = dynamo.putItem(request -> request.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        if (before == null || before.isEmpty()) {
            dynamo.updateItem(request -> request.tableName(table)
                    .key(Map.of("pk", Items.s(SENT + invitation.surveyId()),
                            "sk", Items.s(sentAt.atZone(zone).toLocalDate().toString())))
                    .updateExpression("ADD sent :one").expressionAttributeValues(Map.of(":one", Items.n(1))));
        }
    }

    @Override
    public long sentBetween(String surveyId, LocalDate from, LocalDate to) {
        long sent = 0;
        for (var day : dynamo.queryPaginator(request -> request.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", Items.s(SENT + surveyId), ":from", Items.s(from.toString()),
                        ":to", Items.s(to.toString())))).items()) {
            sent += Long.parseLong(day.get("sent").n());
        }
        return sent;
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(invitationId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            // read with the streaming core: a survey link's first request needs no data-binding mapper otherwise
            return Optional.of(InvitationJson.read(Items.string(item, "invitation")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> key(String invitationId) {
        return Map.of("pk", Items.s("INV#" + invitationId), "sk", Items.s("INV"));
    }
}
