package io.halqe.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.analysis.BedrockAnalyzer;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.config.Env;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdaptersTest {

    private static final TextAnalyzer BUILT_IN = new TextAnalyzer();

    private static Adapters enrichmentWith(String modelId) {
        Map<String, String> variables = new HashMap<>(Map.of("HALQE_LIMITS_TABLE", "limits",
                "HALQE_ANALYZER_MODEL_ID", modelId, "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "0.8",
                "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION", "4", "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        Env env = new Env(variables);
        return new Adapters(HalqeConfig.load(env, "HALQE_LIMITS_TABLE", "HALQE_ANALYZER_MODEL_ID",
                "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION"), new AwsClients(env));
    }

    @Test
    void analyzer_shouldBeTheBuiltInOne_whenTheStackNamesNoModel() {
        // GIVEN the enrichment function's settings without a model id (the default)
        // WHEN its analyzer is wired THEN it is the built-in analyzer itself
        assertThat(enrichmentWith("").analyzer(BUILT_IN)).isSameAs(BUILT_IN);
    }

    @Test
    void analyzer_shouldBeBedrockFallingBackToTheBuiltInOne_whenTheStackNamesAModel() {
        // GIVEN a model id (the endpoint is unreachable: wiring must send nothing, as SnapStart needs)
        // WHEN the analyzer is wired THEN it is the Bedrock analyzer
        assertThat(enrichmentWith("amazon.nova-micro-v1:0").analyzer(BUILT_IN)).isInstanceOf(BedrockAnalyzer.class);
    }
}
