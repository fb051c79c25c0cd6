package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Tally nps(long promoters, long passives, long detractors) {
        return new Tally(promoters + passives + detractors, promoters, passives, detractors, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void nps_shouldUseTheNormalApproximation_whenThereAreAnswers() {
        // GIVEN 50 promoters, 30 passives, 20 detractors
        var nps = Metrics.nps(nps(50, 30, 20));
        // THEN NPS = 30 and the interval is 30 ± 1.96·sqrt((.5 + .2 − .3²)/100)·100
        double halfWidth = 1.959963984540054 * Math.sqrt((0.5 + 0.2 - 0.09) / 100) * 100;
        assertThat(nps.score()).isEqualTo(30.0);
        assertThat(nps.ci95()[0]).isCloseTo(30 - halfWidth, within(0.01));
        assertThat(nps.ci95()[1]).isCloseTo(30 + halfWidth, within(0.01));
        assertThat(nps.n()).isEqualTo(100);
        assertThat(nps.lowSample()).isFalse();
    }

    @Test
    void nps_shouldFlagLowSampleAndClampTheInterval_whenFewAnswersAreAllDetractors() {
        var nps = Metrics.nps(nps(0, 0, 3));
        assertThat(nps.score()).isEqualTo(-100.0);
        assertThat(nps.ci95()[0]).isEqualTo(-100.0);
        assertThat(nps.lowSample()).isTrue();
    }

    @Test
    void metrics_shouldBeEmpty_whenNothingWasAnswered() {
        assertThat(Metrics.nps(Tally.EMPTY).score()).isNull();
        assertThat(Metrics.csat(Tally.EMPTY).score()).isNull();
        assertThat(Metrics.ces(Tally.EMPTY).mean()).isNull();
        assertThat(Metrics.rating(Tally.EMPTY).mean()).isNull();
    }

    @Test
    void csat_shouldUseWilson_whenShareIsExtreme() {
        // GIVEN 10 of 10 satisfied, THEN the Wilson interval stays below 100 at its lower end
        var csat = Metrics.csat(new Tally(10, 0, 0, 0, 10, 10, 0, 0, 0, 0, 0, 0, 0));
        assertThat(csat.score()).isEqualTo(100.0);
        assertThat(csat.ci95()[0]).isCloseTo(72.25, within(0.01));
        assertThat(csat.ci95()[1]).isCloseTo(100.0, within(0.01));
    }

    @Test
    void ces_shouldUseTheSampleVariance_whenMeanIsComputed() {
        // GIVEN answers 2, 4, 6: mean 4, sample variance 4
        var ces = Metrics.ces(new Tally(3, 0, 0, 0, 0, 0, 3, 12, 4 + 16 + 36, 1, 0, 0, 0));
        assertThat(ces.mean()).isEqualTo(4.0);
        assertThat(ces.easyShare()).isEqualTo(33.33);
        assertThat(ces.ci95()[1] - 4.0).isCloseTo(1.959963984540054 * Math.sqrt(4.0 / 3), within(0.01));
    }

    @Test
    void meanIntervals_shouldStayOnTheirScales_whenFewAnswersSpreadToTheEnds() {
        // GIVEN CES answers 7, 1, 1 (mean 3, normal interval about -0.9 to 6.9) and ratings 5, 1 (mean 3, about -0.9 to 6.9)
        var ces = Metrics.ces(new Tally(3, 0, 0, 0, 0, 0, 3, 9, 49 + 1 + 1, 1, 0, 0, 0));
        var rating = Metrics.rating(new Tally(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 6, 25 + 1));
        // THEN each interval is cut to its scale: CES 1-7, rating 1-5
        assertThat(ces.ci95()).containsExactly(1.0, 6.92);
        assertThat(rating.ci95()[0]).isEqualTo(1.0);
        assertThat(rating.ci95()[1]).isEqualTo(5.0);
    }
}
