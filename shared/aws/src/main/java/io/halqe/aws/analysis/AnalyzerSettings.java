package io.halqe.aws.analysis;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The stack's Analyzer* parameters: the Bedrock model that reads comments (empty: off, the built-in analyzer reads
 * them all), its monthly budget, how long one call may take, and its prices per million tokens.
 */
public record AnalyzerSettings(String modelId, BigDecimal monthlyBudgetUsd, Duration timeout,
                               BigDecimal inputUsdPerMillion, BigDecimal outputUsdPerMillion) {

    public AnalyzerSettings {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(monthlyBudgetUsd, "monthlyBudgetUsd");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(inputUsdPerMillion, "inputUsdPerMillion");
        Objects.requireNonNull(outputUsdPerMillion, "outputUsdPerMillion");
    }

    public boolean enabled() {
        return !modelId.isEmpty();
    }
}
