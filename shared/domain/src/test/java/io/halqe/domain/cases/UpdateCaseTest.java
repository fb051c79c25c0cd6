package io.halqe.domain.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryCases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateCaseTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private final InMemoryCases cases = new InMemoryCases();
    private final UpdateCase update = new UpdateCase(cases);

    @BeforeEach
    void anOpenCase() {
        cases.openIfAbsent(new FollowUpCase("case-1", "r1", "demo-nps", CaseStatus.OPEN, "support", "a@example.com", "x", 2,
                null, "en", AT, AT.plusSeconds(3600)));
    }

    private static UpdateCase.Patch status(String status) {
        return new UpdateCase.Patch(status, null, null, null, null, null, null);
    }

    @Test
    void patch_shouldMoveForwardAndRecordTheWork() {
        var outcome = update.patch("case-1", new UpdateCase.Patch("in_progress", "b@example.com", "billing",
                List.of("refund", "vip"), "courier lost parcel", "re-shipped", new CaseWork.Compensation("credit", "10 USD")), AT);
        assertThat(outcome).isInstanceOfSatisfying(UpdateCase.Outcome.Updated.class, updated -> {
            assertThat(updated.followUpCase().status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(updated.followUpCase().owner()).isEqualTo("b@example.com");
            assertThat(updated.work().tags()).containsExactly("refund", "vip");
            assertThat(updated.work().compensation()).isEqualTo(new CaseWork.Compensation("credit", "10 USD"));
        });
        assertThat(update.note("case-1", "b@example.com", "Called the customer", AT)).isInstanceOfSatisfying(
                UpdateCase.Outcome.Updated.class, updated -> assertThat(updated.work().notes()).singleElement()
                        .satisfies(note -> assertThat(note.text()).isEqualTo("Called the customer")));
    }

    @Test
    void patch_shouldRefuseGoingBackClosingOrBadFields() {
        update.patch("case-1", status("resolved"), AT);
        assertThat(update.patch("case-1", status("acknowledged"), AT)).isInstanceOfSatisfying(UpdateCase.Outcome.Invalid.class,
                invalid -> assertThat(invalid.problem().field()).isEqualTo("status"));
        assertThat(update.patch("case-1", status("closed"), AT)).isInstanceOf(UpdateCase.Outcome.Invalid.class);
        assertThat(update.patch("case-1", status("lost"), AT)).isInstanceOf(UpdateCase.Outcome.Invalid.class);
        assertThat(update.patch("case-1", new UpdateCase.Patch(null, "not-an-email", null, null, null, null, null), AT))
                .isInstanceOfSatisfying(UpdateCase.Outcome.Invalid.class, invalid -> assertThat(invalid.problem().field()).isEqualTo("owner"));
        assertThat(update.patch("case-1", new UpdateCase.Patch(null, null, null, null, null, null,
                new CaseWork.Compensation("cash", "100")), AT)).isInstanceOfSatisfying(UpdateCase.Outcome.Invalid.class,
                invalid -> assertThat(invalid.problem().field()).isEqualTo("compensation"));
        assertThat(update.patch("nope", status("resolved"), AT)).isEqualTo(new UpdateCase.Outcome.NotFound("nope"));
        assertThat(update.note("case-1", null, " ", AT)).isInstanceOf(UpdateCase.Outcome.Invalid.class);
    }
}
