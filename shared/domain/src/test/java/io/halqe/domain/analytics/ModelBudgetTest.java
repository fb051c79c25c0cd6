package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemoryCounters;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ModelBudgetTest {

    private static final Clock NOVEMBER = Clock.fixed(Instant.parse("2026-11-30T23:59:00Z"), ZoneOffset.UTC);
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-01T00:01:00Z"), ZoneOffset.UTC);

    private static ModelBudget budget(InMemoryCounters counters, String usd, Clock clock) {
        // $0.80 and $4.00 per million input and output tokens
        return new ModelBudget(counters, new BigDecimal(usd), new BigDecimal("0.80"), new BigDecimal("4.00"), clock);
    }

    @Test
    void spend_shouldAddEachCallsTokensTimesThePrices_toTheMonthsCounter_whenCallsAreCounted() {
        // GIVEN a month's budget of one cent
        InMemoryCounters counters = new InMemoryCounters();
        ModelBudget budget = budget(counters, "0.01", NOVEMBER);
        // WHEN two calls of 1,000 tokens in and 100 out are counted
        long first = budget.spend(1_000, 100);
        long second = budget.spend(1_000, 100);
        // THEN each costs 1,000 × 0.80 + 100 × 4.00 = 1,200 millionths of a dollar, in November's counter
        assertThat(first).isEqualTo(1_200);
        assertThat(second).isEqualTo(2_400);
        assertThat(counters.count("analyzer#2026-11")).isEqualTo(2_400);
        assertThat(budget.allowsACall()).isTrue();
    }

    @Test
    void allowsACall_shouldBeFalse_whenTheMonthsSpendReachesTheBudget_andTrueAgainNextMonth() {
        // GIVEN a budget of $0.002 and calls of 1,200 millionths each
        InMemoryCounters counters = new InMemoryCounters();
        ModelBudget november = budget(counters, "0.002", NOVEMBER);
        assertThat(november.allowsACall()).isTrue();
        // WHEN two calls are counted (2,400 ≥ 2,000)
        november.spend(1_000, 100);
        assertThat(november.allowsACall()).as("1,200 of 2,000 spent").isTrue();
        november.spend(1_000, 100);
        // THEN no further call this month, and December starts from nothing
        assertThat(november.allowsACall()).isFalse();
        assertThat(budget(counters, "0.002", DECEMBER).allowsACall()).isTrue();
    }

    @Test
    void microUsd_shouldCountAFractionAsAWholeMillionth_whenPricesAreFractional() {
        // GIVEN a price of $0.035 per million tokens (a small model's input)
        // WHEN 100 tokens are priced (3.5 millionths) THEN 4 are counted, never less than spent
        assertThat(ModelBudget.microUsd(100, new BigDecimal("0.035"))).isEqualTo(4);
        assertThat(ModelBudget.microUsd(0, new BigDecimal("0.035"))).isZero();
    }

    @Test
    void allowsACall_shouldBeFalse_whenTheBudgetIsZero() {
        // GIVEN a budget of $0
        InMemoryCounters counters = new InMemoryCounters();
        // WHEN asked THEN no call is allowed, and nothing is read
        assertThat(budget(counters, "0", NOVEMBER).allowsACall()).isFalse();
        assertThat(counters.count("analyzer#2026-11")).isZero();
    }
}
