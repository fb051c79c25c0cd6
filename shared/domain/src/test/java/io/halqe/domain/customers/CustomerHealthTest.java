package io.halqe.domain.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerHealthTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void next_shouldWeighTheLastThreeAnswers_andSegmentByTheDocumentedCutoffs() {
        // GIVEN answers 10, 9, then 8 (newest) with no complaints
        CustomerHealth h = CustomerHealth.next(null, "c", "r1", T0, 10, false, 0.0);
        h = CustomerHealth.next(h, "c", "r2", T0.plusSeconds(60), 9, false, 0.0);
        h = CustomerHealth.next(h, "c", "r3", T0.plusSeconds(120), 8, false, 0.0);
        // THEN latest = 10 × (0.5·8 + 0.3·9 + 0.2·10) = 87, trend −1: a promoter
        assertThat(h.score()).isEqualTo(87);
        assertThat(h.trend()).isEqualTo(-1);
        assertThat(h.segment()).isEqualTo("promoter");
        assertThat(h.recent()).hasSize(3);
    }

    @Test
    void next_shouldPenaliseComplaintsAndFalls_andRankByValue() {
        // GIVEN a 9 then a 4 with a complaint, for a customer worth 9,999
        CustomerHealth h = CustomerHealth.next(null, "c", "r1", T0, 9, false, 9_999.0);
        h = CustomerHealth.next(h, "c", "r2", T0.plusSeconds(60), 4, true, 9_999.0);
        // THEN latest = 10 × (0.5·4 + 0.3·9)/0.8 = 58.75, minus 10 (one complaint) and 10 (a fall of 5 points) → 39
        assertThat(h.score()).isEqualTo(39);
        assertThat(h.segment()).isEqualTo("detractor");
        assertThat(h.complaints()).isEqualTo(1);
        assertThat(h.priority()).isEqualTo(Math.round(61 * Math.log10(10_000) * 100) / 100.0);
    }

    @Test
    void next_shouldChangeNothing_whenTheSameAnswerArrivesAgain_andForgetOldComplaints() {
        CustomerHealth once = CustomerHealth.next(null, "c", "r1", T0, 6, true, null);
        CustomerHealth twice = CustomerHealth.next(once, "c", "r1", T0, 6, true, null);
        assertThat(twice).isEqualTo(once);
        // a 9 answered 100 days later: the complaint is out of the 90-day window, latest = 10 × (0.5·9 + 0.3·6)/0.8
        CustomerHealth later = CustomerHealth.next(once, "c", "r2", T0.plus(java.time.Duration.ofDays(100)), 9, false, null);
        assertThat(later.complaints()).isZero();
        assertThat(later.score()).isEqualTo(79);
        assertThat(later.segment()).isEqualTo("promoter");
    }
}
