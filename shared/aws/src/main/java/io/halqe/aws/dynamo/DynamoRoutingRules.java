package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.domain.routing.RoutingRule;
import io.halqe.domain.routing.RoutingRules;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Routing rules as data in the Directory table (pk {@code CONFIG}, sk {@code ROUTING}), defaults when none are stored. */
public final class DynamoRoutingRules implements RoutingRules {

    public static final Duration FRESHNESS = ConfigDocument.FRESHNESS;

    private final ConfigDocument<List<RoutingRule>> document;

    public DynamoRoutingRules(DynamoDbClient dynamo, String table) {
        this.document = new ConfigDocument<>(dynamo, table, "ROUTING", new TypeReference<>() { }, RoutingRules::defaults);
    }

    @Override
    public List<RoutingRule> current() {
        return document.current();
    }

    @Override
    public void replace(List<RoutingRule> rules) {
        document.replace(List.copyOf(rules));
    }
}
