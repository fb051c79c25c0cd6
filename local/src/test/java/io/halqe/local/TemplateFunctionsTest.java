package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The product's wiring: the local cloud with the repository's template.yaml and the real handlers.
 */
class TemplateFunctionsTest {

    @Test
    void start_shouldServeTheDemoSurveyAndDrain_whenTheTemplatesFunctionsAreWired() throws Exception {
        // GIVEN the repository's template and its handlers
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withBackground(false))) {
            // WHEN the demo survey page is requested and the work drained
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(cloud.baseUrl().resolve("/s/demo-nps")).build(), HttpResponse.BodyHandlers.ofString());
            cloud.drain();
            LocalCloud.ClockAdvance advance = cloud.advanceClock(java.time.Duration.ofMinutes(10));
            // THEN the page is served, all six functions are wired, the sweep ran twice and nothing was dead-lettered
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(cloud.functions()).hasSize(8);
            // (enrichment's timeout, conditional on a Bedrock model, resolved to Globals' 30 s without one)
            assertThat(cloud.functions().get("EnrichmentFunction").timeout()).isEqualTo(java.time.Duration.ofSeconds(30));
            assertThat(advance.fired()).isEqualTo(2);
            assertThat(cloud.deadLetters()).isEmpty();
        }
    }
}
