package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Customer;
import io.halqe.domain.links.Invitation;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoInvitationStoreTest {

    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    private static Invitation invitation(String id, String surveyId) {
        return new Invitation(id, surveyId, new Customer("c-" + id, null, null, null, "fa-IR"), Map.of("plan", "pro"),
                "email", Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void save_shouldCountEachInvitationOnce_onTheDayItWasFirstSent_inTheReportingZone() {
        // GIVEN invitations counted in Tehran's days
        var store = new DynamoInvitationStore(db.client(), db.tableName("OutreachTable"), ZoneId.of("Asia/Tehran"));
        // WHEN one is sent at 21:00 UTC on the 1st (00:30 on the 2nd in Tehran) and reminded the day after (saved
        // again), another on the 2nd, and one to another survey
        store.save(invitation("a", "s1"), Instant.parse("2026-12-01T21:00:00Z"));
        store.save(invitation("a", "s1"), Instant.parse("2026-12-03T09:00:00Z"));
        store.save(invitation("b", "s1"), Instant.parse("2026-12-02T09:00:00Z"));
        store.save(invitation("c", "s2"), Instant.parse("2026-12-02T09:00:00Z"));
        // THEN s1 sent two, both on Tehran's 2nd, none on the 1st or the 3rd; the reminder is the same invitation
        LocalDate first = LocalDate.parse("2026-12-01");
        assertThat(store.sentBetween("s1", first, first.plusDays(2))).isEqualTo(2);
        assertThat(store.sentBetween("s1", first.plusDays(1), first.plusDays(1))).isEqualTo(2);
        assertThat(store.sentBetween("s1", first, first)).isZero();
        assertThat(store.sentBetween("s1", first.plusDays(2), first.plusDays(9))).isZero();
        assertThat(store.sentBetween("s2", first, first.plusDays(9))).isEqualTo(1);
        assertThat(store.find("a")).contains(invitation("a", "s1"));
    }
}
