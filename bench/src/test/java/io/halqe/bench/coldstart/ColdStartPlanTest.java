package io.halqe.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartPlanTest {

    @Test
    void steps_shouldStartTheFloorBeforeEachFunction_whenPlanningRounds() {
        // GIVEN two functions and two rounds
        List<String> functions = List.of("submission", "api");

        // WHEN the steps are planned
        List<ColdStartPlan.Step> steps = ColdStartPlan.steps(functions, 2);

        // THEN each round runs floor, submission, floor, api, and each floor is paired with the function after it
        assertThat(steps).extracting(ColdStartPlan.Step::sample).containsExactly(
                "floor", "submission", "floor", "api", "floor", "submission", "floor", "api");
        assertThat(steps).extracting(ColdStartPlan.Step::round).containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
        for (int i = 0; i < steps.size(); i += 2) {
            assertThat(steps.get(i).floor()).isTrue();
            assertThat(steps.get(i).pairedWith()).isEqualTo(steps.get(i + 1).sample());
        }
    }

    @Test
    void summarize_shouldTakeTheMedianOfEachRoundsRatio_whenTheFloorDrifts() {
        // GIVEN three rounds of one function whose floor slows down with the machine's load
        List<ColdStartPlan.Pair> pairs = List.of(
                new ColdStartPlan.Pair(1, "api", 1000, 2000, 800, 1600),
                new ColdStartPlan.Pair(2, "api", 2000, 3000, 900, 1800),
                new ColdStartPlan.Pair(3, "api", 4000, 4400, 1000, 1700),
                new ColdStartPlan.Pair(1, "alerts", 1000, 1300, 800, 1000));

        // WHEN they are summarized
        List<ColdStartPlan.Summary> summaries = ColdStartPlan.summarize(pairs);

        // THEN each function has its medians, and its ratio is the median of the rounds' ratios (2.0, 1.5, 1.1),
        // not the ratio of the medians (3000 / 2000), with their spread; CPU ratios (2.0, 2.0, 1.7) likewise
        assertThat(summaries).extracting(ColdStartPlan.Summary::function).containsExactly("api", "alerts");
        ColdStartPlan.Summary api = summaries.get(0);
        assertThat(api.samples()).isEqualTo(3);
        assertThat(api.medianMs()).isEqualTo(3000);
        assertThat(api.medianFloorMs()).isEqualTo(2000);
        assertThat(api.medianRatio()).isCloseTo(1.5, within(1e-9));
        assertThat(api.minRatio()).isCloseTo(1.1, within(1e-9));
        assertThat(api.maxRatio()).isCloseTo(2.0, within(1e-9));
        assertThat(api.medianCpuRatio()).isCloseTo(2.0, within(1e-9));
        assertThat(summaries.get(1).medianRatio()).isCloseTo(1.3, within(1e-9));
    }

    @Test
    void median_shouldAverageTheTwoMiddleValues_whenTheCountIsEven() {
        // GIVEN an even number of unsorted values
        List<Double> values = List.of(9.0, 1.0, 4.0, 6.0);

        // WHEN their median is taken
        double median = ColdStartPlan.median(values);

        // THEN it lies halfway between the two middle ones
        assertThat(median).isEqualTo(5.0);
    }
}
