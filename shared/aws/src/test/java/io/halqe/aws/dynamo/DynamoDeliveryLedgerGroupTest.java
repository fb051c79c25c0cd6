package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group's claims in one item: taken at most once, given back on failure, retaken only when a lease ran out. */
class DynamoDeliveryLedgerGroupTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");
    private static DynamoDeliveryLedger ledger;

    @BeforeAll
    static void start() {
        ledger = new DynamoDeliveryLedger(db.client(), db.tableName("CasesTable"));
    }

    @Test
    void claimAll_shouldGiveEachKeyOnce_whenClaimedAgain() {
        // GIVEN a response's three sends claimed and done
        List<String> keys = List.of("case#c-1#opened", "detractor#r-1#email", "detractor#r-1#sns");
        assertThat(ledger.claimAll("alerts#r-1", keys, AT)).containsExactlyElementsOf(keys);
        ledger.completeAll("alerts#r-1", keys, AT);
        // WHEN the event is delivered again, an hour later (long past any lease)
        // THEN nothing is claimed
        assertThat(ledger.claimAll("alerts#r-1", keys, AT.plusSeconds(3600))).isEmpty();
    }

    @Test
    void claimAll_shouldGiveBackOnlyWhatWasReleased_whenASendFailed() {
        // GIVEN the email sent and the SNS alert failed (given back)
        List<String> keys = List.of("detractor#r-2#email", "detractor#r-2#sns");
        assertThat(ledger.claimAll("alerts#r-2", keys, AT)).containsExactlyElementsOf(keys);
        ledger.completeAll("alerts#r-2", List.of("detractor#r-2#email"), AT);
        ledger.releaseAll("alerts#r-2", List.of("detractor#r-2#sns"));
        // WHEN the retry claims both
        // THEN it owns the SNS alert alone
        assertThat(ledger.claimAll("alerts#r-2", keys, AT.plusSeconds(1))).containsExactly("detractor#r-2#sns");
    }

    @Test
    void claimAll_shouldRetakeALease_onlyOnceItRanOut() {
        // GIVEN a claim whose holder died before sending
        List<String> keys = List.of("detractor#r-3#email");
        assertThat(ledger.claimAll("alerts#r-3", keys, AT)).containsExactly("detractor#r-3#email");
        // WHEN it is claimed again within the lease, and after it
        // THEN the first is refused and the second takes it, once
        assertThat(ledger.claimAll("alerts#r-3", keys, AT.plusSeconds(60))).isEmpty();
        Instant later = AT.plus(DynamoDeliveryLedger.LEASE).plusSeconds(1);
        assertThat(ledger.claimAll("alerts#r-3", keys, later)).containsExactly("detractor#r-3#email");
        assertThat(ledger.claimAll("alerts#r-3", keys, later)).isEmpty();
    }
}
