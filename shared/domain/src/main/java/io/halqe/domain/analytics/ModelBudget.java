package io.halqe.domain.analytics;

import io.halqe.domain.core.Counters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * What a language model may spend on comments in a calendar month (UTC), in US dollars: each call's tokens times the
 * model's prices, added to one counter a month ({@code analyzer#<yyyy-MM>}, in millionths of a dollar). Checked
 * before each call and counted after it, not reserved: calls made at the same moment may all pass the check (the
 * month ends a few calls over), and a call whose count is lost (the function stopped in between) is never counted.
 * Exactly-once is not worth a transaction here: the budget is a ceiling against runaway spend, not the bill.
 */
public final class ModelBudget {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Counters counters;
    private final long monthlyMicroUsd;
    private final BigDecimal inputUsdPerMillion;
    private final BigDecimal outputUsdPerMillion;
    private final Clock clock;

    /** Prices are per million tokens, as model providers list them; the budget is in dollars (0: no call at all). */
    public ModelBudget(Counters counters, BigDecimal monthlyUsd, BigDecimal inputUsdPerMillion,
                       BigDecimal outputUsdPerMillion, Clock clock) {
        if (monthlyUsd.signum() < 0 || inputUsdPerMillion.signum() < 0 || outputUsdPerMillion.signum() < 0) {
            throw new IllegalArgumentException("a budget and prices are 0 or more");
        }
        this.counters = counters;
        this.monthlyMicroUsd = monthlyUsd.multiply(MILLION).setScale(0, RoundingMode.FLOOR).longValueExact();
        this.inputUsdPerMillion = inputUsdPerMillion;
        this.outputUsdPerMillion = outputUsdPerMillion;
        this.clock = clock;
    }

    /** Whether this month's spend is still under the budget (a read of the month's counter). */
    public boolean allowsACall() {
        return monthlyMicroUsd > 0 && counters.add(key(), 0, expiry()) < monthlyMicroUsd;
    }

    /** Adds a call's cost to this month's spend; returns the month's spend so far, in millionths of a dollar. */
    public long spend(long inputTokens, long outputTokens) {
        return counters.add(key(), microUsd(inputTokens, inputUsdPerMillion) + microUsd(outputTokens, outputUsdPerMillion),
                expiry());
    }

    /** Tokens × dollars per million tokens is millionths of a dollar; a fraction counts as a whole one. */
    static long microUsd(long tokens, BigDecimal usdPerMillion) {
        return BigDecimal.valueOf(Math.max(0, tokens)).multiply(usdPerMillion).setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    private YearMonth month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }

    private String key() {
        return "analyzer#" + month();
    }

    /** A week past the month's end, so the month's spend can still be read when it is over. */
    private Instant expiry() {
        return month().plusMonths(1).atDay(8).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
