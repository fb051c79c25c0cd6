package io.halqe.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    static List<JsonNode> responses(String surveyId) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/surveys/" + surveyId + "/responses"
                    + (cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SharedCloud.base() + path))
                            .header("Authorization", "Bearer " + SharedCloud.apiKey()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(items::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    /**
     * A checkout survey with every question type, in English, Persian and Arabic, open to pages on 127.0.0.1, as a
     * team would write it for the admin API; {@code display} is its display options' JSON.
     */
    static String everyQuestionType(String id, String display) {
        return """
                {"id":"%s","name":{"en":"Checkout","fa":"پرداخت","ar":"الدفع"},"kind":"transactional","defaultLanguage":"en",
                 "languages":["en","fa","ar"],"allowedOrigins":["http://127.0.0.1:*"],"display":%s,
                 "thankYou":{"en":"Thanks!","fa":"ممنون از شما!","ar":"شكرًا لك!"},
                 "followUp":{"detractor":{"en":"What should we fix first?","fa":"اول چه چیزی را درست کنیم؟","ar":"ما الذي نصلحه أولاً؟"}},
                 "questions":[
                  {"id":"nps","type":"nps","required":true,
                   "text":{"en":"Would you recommend us?","fa":"ما را پیشنهاد می‌کنید؟","ar":"هل توصي بنا؟"}},
                  {"id":"csat","type":"csat","required":true,
                   "text":{"en":"How satisfied are you?","fa":"چقدر راضی هستید؟","ar":"ما مدى رضاك؟"}},
                  {"id":"ces","type":"ces","text":{"en":"How easy was it?","fa":"چقدر آسان بود؟","ar":"ما مدى سهولة ذلك؟"}},
                  {"id":"channel","type":"single","required":true,
                   "text":{"en":"Where did you buy?","fa":"از کجا خریدید؟","ar":"من أين اشتريت؟"},
                   "options":[{"id":"web","text":{"en":"Website","fa":"وب‌سایت","ar":"الموقع"}},
                              {"id":"app","text":{"en":"App","fa":"اپ","ar":"التطبيق"}}]},
                  {"id":"liked","type":"multi","text":{"en":"What did you like?","fa":"چه چیزی را دوست داشتید؟","ar":"ما الذي أعجبك؟"},
                   "options":[{"id":"price","text":{"en":"Price","fa":"قیمت","ar":"السعر"}},
                              {"id":"speed","text":{"en":"Speed","fa":"سرعت","ar":"السرعة"}},
                              {"id":"support","text":{"en":"Support","fa":"پشتیبانی","ar":"الدعم"}}]},
                  {"id":"again","type":"yesno","required":true,
                   "text":{"en":"Would you buy again?","fa":"دوباره می‌خرید؟","ar":"هل ستشتري مرة أخرى؟"}},
                  {"id":"comment","type":"text","text":{"en":"Anything else?","fa":"نکته دیگری دارید؟","ar":"هل من شيء آخر؟"}}]}
                """.formatted(id, display);
    }

    /** {@code POST /api/surveys}: a survey as the team writes it; fails the test unless it is created. */
    static void createSurvey(String definition) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SharedCloud.base() + "/api/surveys"))
                        .header("Authorization", "Bearer " + SharedCloud.apiKey()).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(definition)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST /api/surveys: %s", response.body()).isEqualTo(201);
    }

    static Set<String> responseIds(String surveyId) throws Exception {
        return Set.copyOf(responses(surveyId).stream().map(item -> item.path("responseId").asText()).toList());
    }

    /** The responses stored since {@code before} was taken (drains the cloud first). */
    static List<JsonNode> newResponses(String surveyId, Set<String> before) throws Exception {
        SharedCloud.drain();
        return responses(surveyId).stream()
                .filter(item -> !before.contains(item.path("responseId").asText()))
                .toList();
    }

    /** Exactly one response was stored since {@code before}: complete (not a draft), with that score, comment, language. */
    static void assertStoredOnce(String surveyId, Set<String> before, int nps, String comment,
                                 String language) throws Exception {
        List<JsonNode> stored = newResponses(surveyId, before);
        assertThat(stored).as("responses stored by this test").hasSize(1);
        JsonNode response = stored.getFirst();
        assertThat(response.path("status").asText()).isNotEqualTo("draft");
        assertThat(response.path("answers").path("nps").asInt(-1)).isEqualTo(nps);
        assertThat(response.path("answers").path("comment").asText()).isEqualTo(comment);
        assertThat(response.path("language").asText()).isEqualTo(language);
    }
}
