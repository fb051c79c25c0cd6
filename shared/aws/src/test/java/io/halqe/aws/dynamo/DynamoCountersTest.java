package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoCountersTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-08T00:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    @Test
    void add_shouldAddAmountsAtomically_andReadTheCountWhenAddingZero() {
        // GIVEN the Limits table's counters
        var counters = new DynamoCounters(db.client(), db.tableName("LimitsTable"));
        // WHEN a month's spend is read before anything is spent, then 562 and 330 are added, then it is read again
        long before = counters.add("analyzer#2026-11", 0, EXPIRES);
        counters.add("analyzer#2026-11", 562, EXPIRES);
        long after = counters.add("analyzer#2026-11", 330, EXPIRES);
        // THEN the counts are 0, then 892; reading adds nothing; increment still adds one; the item expires by TTL
        assertThat(before).isZero();
        assertThat(after).isEqualTo(892);
        assertThat(counters.add("analyzer#2026-11", 0, EXPIRES)).isEqualTo(892);
        assertThat(counters.increment("analyzer#2026-11", EXPIRES)).isEqualTo(893);
        assertThat(db.client().getItem(request -> request.tableName(db.tableName("LimitsTable"))
                .key(Map.of("pk", AttributeValue.fromS("analyzer#2026-11")))).item())
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(EXPIRES.getEpochSecond())));
    }
}
