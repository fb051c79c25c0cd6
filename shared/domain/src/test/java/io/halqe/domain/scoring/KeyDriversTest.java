package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyDriversTest {

    private static Tally nps(int promoters, int passives, int detractors) {
        return new Tally(promoters + passives + detractors, promoters, passives, detractors, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void of_shouldOrderByTheNpsPointsGainedIfTheAnswersScoredLikeTheRest() {
        // GIVEN 100 answers (NPS 20: 50 promoters, 30 detractors); delivery has 20 of them (2 promoters, 15 detractors),
        // praise-heavy "staff" 10 (9 promoters)
        Tally overall = nps(50, 20, 30);
        List<ReadMetrics.Group> groups = List.of(new ReadMetrics.Group("staff", nps(9, 1, 0)),
                new ReadMetrics.Group("delivery", nps(2, 3, 15)));
        // WHEN the drivers are computed
        List<KeyDrivers.Driver> drivers = KeyDrivers.of(overall, groups);
        // THEN delivery comes first: without it NPS is (48 − 15) / 80 = 41.25, so it costs 21.25 points
        assertThat(drivers).extracting(KeyDrivers.Driver::key).containsExactly("delivery", "staff");
        KeyDrivers.Driver delivery = drivers.get(0);
        assertThat(delivery.impact()).isEqualTo(21.25);
        assertThat(delivery.share()).isEqualTo(20.0);
        assertThat(delivery.with().score()).isEqualTo(-65.0);
        assertThat(delivery.without().score()).isEqualTo(41.25);
        assertThat(delivery.ci95()[0]).isLessThan(21.25);
        assertThat(delivery.ci95()[1]).isGreaterThan(21.25);
        // AND staff's impact is negative: without its answers NPS would fall to (41 − 30) / 90
        assertThat(drivers.get(1).impact()).isEqualTo(-7.78);
    }

    @Test
    void of_shouldLeaveImpactOpen_whenEveryAnswerHasTheValue() {
        // GIVEN a value every answer has WHEN drivers are computed THEN there is no rest to compare with
        KeyDrivers.Driver all = KeyDrivers.of(nps(3, 1, 1), List.of(new ReadMetrics.Group("en", nps(3, 1, 1)))).get(0);
        assertThat(all.impact()).isNull();
        assertThat(all.ci95()).isNull();
        assertThat(all.share()).isEqualTo(100.0);
    }
}
