package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.domain.outreach.TouchpointTrigger;
import io.halqe.domain.outreach.Triggers;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Touchpoint rules in the Directory table (pk {@code CONFIG}, sk {@code TRIGGERS}); none until an admin sets them. */
public final class DynamoTriggers implements Triggers {

    private final ConfigDocument<List<TouchpointTrigger>> document;

    public DynamoTriggers(DynamoDbClient dynamo, String table) {
        this.document = new ConfigDocument<>(dynamo, table, "TRIGGERS", new TypeReference<>() { }, List::of);
    }

    @Override
    public List<TouchpointTrigger> current() {
        return document.current();
    }

    @Override
    public void replace(List<TouchpointTrigger> triggers) {
        document.replace(List.copyOf(triggers));
    }
}
