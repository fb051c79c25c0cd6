package io.halqe.aws.dynamo;

import io.halqe.aws.json.Json;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.links.InvitationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Invitations in the Outreach table: pk {@code INV#<id>}, sk {@code INV}, the invitation as JSON, removed by TTL a
 * week after its link expires (an answer arriving late still finds it until then).
 */
public final class DynamoInvitationStore implements InvitationStore {

    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInvitationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(key(invitation.id()));
        item.put("invitation", Items.s(Json.write(invitation)));
        item.put("surveyId", Items.s(invitation.surveyId()));
        item.put("expiresAt", Items.n(invitation.expiresAt().plus(KEEP_AFTER_EXPIRY).getEpochSecond()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    @Override
    public Optional<Invitation> find(String invitationId) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(invitationId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(Items.string(item, "invitation"), Invitation.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> key(String invitationId) {
        return Map.of("pk", Items.s("INV#" + invitationId), "sk", Items.s("INV"));
    }
}
