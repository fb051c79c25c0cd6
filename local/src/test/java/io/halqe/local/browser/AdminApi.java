package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.LocalCloud;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the team sees: the stored responses of a survey, through the admin API ({@code Authorization: Bearer}). */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminApi() {
    }

    /** Every stored response of the survey, all pages. */
    static List<JsonNode> responses(LocalCloud cloud, String surveyId) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/surveys/" + surveyId + "/responses"
                    + (cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path))
                            .header("Authorization", "Bearer " + cloud.apiKey()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(items::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** {@code POST /api/surveys}: a survey as the team writes it; fails the test unless it is created. */
    static void createSurvey(LocalCloud cloud, String definition) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/api/surveys"))
                        .header("Authorization", "Bearer " + cloud.apiKey()).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(definition)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST /api/surveys: %s", response.body()).isEqualTo(201);
    }

    static Set<String> responseIds(LocalCloud cloud, String surveyId) throws Exception {
        return Set.copyOf(responses(cloud, surveyId).stream().map(item -> item.path("responseId").asText()).toList());
    }

    /** The responses stored since {@code before} was taken (drains the cloud first). */
    static List<JsonNode> newResponses(LocalCloud cloud, String surveyId, Set<String> before) throws Exception {
        cloud.drain();
        return responses(cloud, surveyId).stream()
                .filter(item -> !before.contains(item.path("responseId").asText()))
                .toList();
    }

    /** Exactly one response was stored since {@code before}: complete (not a draft), with that score, comment, language. */
    static void assertStoredOnce(LocalCloud cloud, String surveyId, Set<String> before, int nps, String comment,
                                 String language) throws Exception {
        List<JsonNode> stored = newResponses(cloud, surveyId, before);
        assertThat(stored).as("responses stored by this test").hasSize(1);
        JsonNode response = stored.getFirst();
        assertThat(response.path("status").asText()).isNotEqualTo("draft");
        assertThat(response.path("answers").path("nps").asInt(-1)).isEqualTo(nps);
        assertThat(response.path("answers").path("comment").asText()).isEqualTo(comment);
        assertThat(response.path("language").asText()).isEqualTo(language);
    }
}
