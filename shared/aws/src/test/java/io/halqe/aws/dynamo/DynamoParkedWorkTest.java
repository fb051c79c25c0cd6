package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoParkedWorkTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    private DynamoParkedWork parked() {
        return new DynamoParkedWork(db.client(), db.tableName("CasesTable"), db.tableName("ResponsesTable"));
    }

    @Test
    void parkedWork_shouldListNewestFirst_keepCasesListsClean_andHandARequeuedDigestToItsLoopOnce() {
        var parked = parked();
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        // GIVEN an escalation and a digest parked an hour apart
        parked.park(ParkedWork.Parked.of(ParkedWork.Kind.ESCALATION, "case-r1", "Undeliverable: refused", 1, AT, Map.of()));
        parked.park(ParkedWork.Parked.of(ParkedWork.Kind.DIGEST, "daily#2026-11-23#ab12", "IllegalStateException: down", 5,
                AT.plusSeconds(3600), Map.of("recipient", "eng@example.com")));
        // THEN both are listed, newest first, with why; and no case list shows them
        assertThat(parked.list(10)).extracting(ParkedWork.Parked::id)
                .containsExactly("digest:daily#2026-11-23#ab12", "escalation:case-r1");
        assertThat(parked.find("digest:daily#2026-11-23#ab12")).get()
                .satisfies(entry -> assertThat(entry.detail()).containsEntry("recipient", "eng@example.com"));
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(cases.listByStatus(status, 10, null).items()).isEmpty();
        }
        // WHEN the digest is re-queued, twice
        assertThat(parked.markRequeued("digest:daily#2026-11-23#ab12", AT.plusSeconds(7200))).isTrue();
        assertThat(parked.markRequeued("digest:daily#2026-11-23#ab12", AT.plusSeconds(7201))).isFalse();
        // THEN it leaves the list and waits for the digest loop, which takes it out when done
        assertThat(parked.list(10)).extracting(ParkedWork.Parked::id).containsExactly("escalation:case-r1");
        assertThat(parked.requeued(ParkedWork.Kind.DIGEST, 10)).extracting(ParkedWork.Parked::id)
                .containsExactly("digest:daily#2026-11-23#ab12");
        assertThat(parked.requeued(ParkedWork.Kind.ESCALATION, 10)).isEmpty();
        assertThat(parked.remove("digest:daily#2026-11-23#ab12")).isTrue();
        assertThat(parked.requeued(ParkedWork.Kind.DIGEST, 10)).isEmpty();
    }

    @Test
    void requeueResponse_shouldMarkTheResponseOnce_soTheStreamDeliversItAgain() {
        var parked = parked();
        String responses = db.tableName("ResponsesTable");
        var key = Map.of("pk", AttributeValue.fromS("S#demo-nps#3"), "sk", AttributeValue.fromS("R#r-9"));
        db.client().putItem(request -> request.tableName(responses).item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                "type", AttributeValue.fromS("response"), "status", AttributeValue.fromS("enriched"))));
        var entry = ParkedWork.Parked.of(ParkedWork.Kind.SCORING, "r-9", "IllegalArgumentException: bad", 4, AT,
                Map.of("pk", "S#demo-nps#3", "sk", "R#r-9"));
        parked.park(entry);
        // WHEN it is re-queued twice
        assertThat(parked.requeueResponse(entry)).isTrue();
        assertThat(parked.requeueResponse(entry)).isFalse();
        // THEN the response is marked for scoring and the entry is gone
        var item = db.client().getItem(request -> request.tableName(responses).key(key)).item();
        assertThat(item.get(DynamoParkedWork.REQUEUED_FOR).s()).isEqualTo("scoring");
        assertThat(parked.find(entry.id())).isEmpty();
        // AND parked again and re-queued, the mark is set anew (absent in between, so the stream sees it appear)
        parked.park(entry);
        assertThat(parked.requeueResponse(entry)).isTrue();
        assertThat(db.client().getItem(request -> request.tableName(responses).key(key)).item()
                .get(DynamoParkedWork.REQUEUED_FOR).s()).isEqualTo("scoring");
    }

    @Test
    void overdue_shouldLeaveOutCasesWhoseEscalationIsParkedOrBackingOff() {
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        for (String id : new String[] {"p1", "p2", "p3"}) {
            cases.openIfAbsent(new FollowUpCase(FollowUpCase.idFor(id), id, "demo-nps", CaseStatus.IN_PROGRESS,
                    "support", "owner@example.com", "Detractor (2/10)", 2, null, "en", AT, AT.plusSeconds(60)));
        }
        // GIVEN one case failed twice and backs off for 10 minutes, one parked
        assertThat(cases.recordEscalationFailure("case-p1")).isEqualTo(1);
        assertThat(cases.recordEscalationFailure("case-p1")).isEqualTo(2);
        cases.deferEscalation("case-p1", AT.plusSeconds(600));
        cases.parkEscalation("case-p2");
        // THEN the sweep sees only the third now, the first again after its backoff, the second once cleared
        assertThat(cases.overdue(CaseStatus.IN_PROGRESS, AT.plusSeconds(120), 10)).extracting(FollowUpCase::id)
                .containsExactly("case-p3");
        assertThat(cases.overdue(CaseStatus.IN_PROGRESS, AT.plusSeconds(600), 10)).extracting(FollowUpCase::id)
                .containsExactlyInAnyOrder("case-p1", "case-p3");
        cases.clearEscalationFailures("case-p2");
        assertThat(cases.overdue(CaseStatus.IN_PROGRESS, AT.plusSeconds(120), 10)).extracting(FollowUpCase::id)
                .containsExactlyInAnyOrder("case-p2", "case-p3");
    }
}
