package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.customers.CustomerHealth;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A customer's health replaced only over the version read (DynamoDB Local, the template's Directory table). */
class DynamoCustomerHealthTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private final DynamoCustomerDirectory directory = new DynamoCustomerDirectory(db.client(), db.tableName("DirectoryTable"));

    private static CustomerHealth health(String customerId, String responseId, int nps) {
        return CustomerHealth.next(null, customerId, responseId, AT, nps, false, null);
    }

    @Test
    void replaceHealth_shouldRefuseTheSecondWriter_whenBothReadTheSameVersion() {
        // GIVEN no health stored for the customer
        // WHEN two writers that read version 0 each replace it
        boolean first = directory.replaceHealth(health("h-1", "r-a", 9), 0);
        boolean second = directory.replaceHealth(health("h-1", "r-b", 2), 0);
        // THEN the first is stored at version 1 and the second refused; the read answers what is stored
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        var stored = directory.storedHealth("h-1");
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.health().recent()).extracting(CustomerHealth.Answered::responseId).containsExactly("r-a");
        assertThat(directory.lookup(List.of("h-1")).healthVersions()).containsEntry("h-1", 1L);
        // AND a writer over version 1 goes through, to version 2
        assertThat(directory.replaceHealth(health("h-1", "r-c", 7), 1)).isTrue();
        assertThat(directory.storedHealth("h-1").version()).isEqualTo(2);
    }

    @Test
    void replaceHealth_shouldTakeAHealthStoredBeforeVersionsAsVersion0() {
        // GIVEN a health stored without a version (as before versions)
        directory.appendHistory(Map.of(), List.of(health("h-2", "r-old", 5)));
        assertThat(directory.storedHealth("h-2").version()).isZero();
        // WHEN it is replaced over version 0, twice
        // THEN the first replacement goes through and the second is refused
        assertThat(directory.replaceHealth(health("h-2", "r-new", 8), 0)).isTrue();
        assertThat(directory.replaceHealth(health("h-2", "r-newer", 8), 0)).isFalse();
        assertThat(directory.storedHealth("h-2").health().recent()).extracting(CustomerHealth.Answered::responseId)
                .containsExactly("r-new");
        // AND an unknown customer has no health at version 0
        assertThat(directory.storedHealth("nobody")).isEqualTo(
                new io.halqe.domain.customers.CustomerDirectory.StoredHealth(null, 0));
    }
}
