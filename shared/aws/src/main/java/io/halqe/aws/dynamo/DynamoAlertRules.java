package io.halqe.aws.dynamo;

import com.fasterxml.jackson.core.type.TypeReference;
import io.halqe.domain.alerts.AlertRule;
import io.halqe.domain.alerts.AlertRules;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Alert rules as data in the Directory table (pk {@code CONFIG}, sk {@code ALERT_RULES}); the defaults, with the
 * stack's detractor SLA, when none are stored.
 */
public final class DynamoAlertRules implements AlertRules {

    private final ConfigDocument<List<AlertRule>> document;

    public DynamoAlertRules(DynamoDbClient dynamo, String table, Duration detractorSla) {
        this.document = new ConfigDocument<>(dynamo, table, "ALERT_RULES", new TypeReference<>() { },
                () -> AlertRules.defaults(detractorSla));
    }

    @Override
    public List<AlertRule> current() {
        return document.current();
    }

    @Override
    public void replace(List<AlertRule> rules) {
        document.replace(List.copyOf(rules));
    }
}
