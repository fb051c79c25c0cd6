package io.halqe.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.config.Env;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @Test
    void endpointFor_shouldPreferTheServiceVariable_thenTheGlobalOne() {
        AwsClients clients = new AwsClients(new Env(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")));
        assertThat(clients.endpointFor("DYNAMODB")).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(clients.endpointFor("SESV2")).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(new AwsClients(new Env(Map.of())).endpointFor("SNS")).isEmpty();
    }

    @Test
    void with_shouldGiveHandlersTheirOwnEnvironment_onlyWhileConstructing() {
        String seen = LambdaEnvironment.with(Map.of("HALQE_X", "local"),
                () -> LambdaEnvironment.current().require("HALQE_X"));
        assertThat(seen).isEqualTo("local");
        assertThat(LambdaEnvironment.current().optional("HALQE_X")).isEqualTo(java.util.Optional.ofNullable(System.getenv("HALQE_X")));
    }

    @Test
    void require_shouldNameTheVariable_whenItIsMissing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Env(Map.of()).require("HALQE_SURVEYS_TABLE"))
                .hasMessage("configuration HALQE_SURVEYS_TABLE is not set");
    }
}
