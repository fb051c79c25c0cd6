package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The documented calls tests make on an in-process local cloud: the admin API with its key, and public answers. */
public final class LocalCloudCalls {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalCloud cloud;

    public LocalCloudCalls(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** An admin API call with the cloud's key. */
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, true);
    }

    /** A call to the cloud, with the admin key or without it (a customer's). */
    public HttpResponse<String> send(String method, String path, String body, boolean admin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(cloud.baseUrl().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (admin) {
            request.header("authorization", "Bearer " + cloud.apiKey());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An admin API read that must succeed. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A customer's answer to the hosted survey ({@code {"answers": …}}), accepted; its response id. */
    public String answer(String surveyId, JsonNode answers) throws IOException, InterruptedException {
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/s/" + surveyId + "/responses"))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().set("answers", answers).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return JSON.readTree(sent.body()).get("responseId").asText();
    }

    /** Every stored answer of the survey, as the API lists them, page by page. */
    public List<JsonNode> storedAnswers(String surveyId) throws IOException, InterruptedException {
        List<JsonNode> answers = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/surveys/" + surveyId + "/responses?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(answers::add);
            cursor = page.get("next").isNull() ? null : URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8);
        } while (cursor != null);
        return answers;
    }
}
