package io.halqe.local.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exports for BI from an empty local cloud: 10,000 answers sent to the hosted survey (comments in en, fa and ar,
 * some that a spreadsheet would run as formulas, quotes, commas and line breaks), then exported page by page as CSV
 * and as NDJSON through the documented calls and compared field by field with the answers the API lists. Then new
 * answers arrive and a partial answer is completed late, and the incremental pull returns exactly those.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResponseExportTest {

    private static final ObjectMapper JSON = LocalCloudCalls.JSON;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ANSWERS = 10_000;
    private static final String SURVEY = """
            {"id":"shop","name":"Shop","kind":"relationship","defaultLanguage":"en","languages":["en","fa","ar"],
             "hiddenFields":["orderId"],
             "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Recommend us?","fa":"پیشنهاد؟","ar":"توصية؟"}},
                          {"id":"reason","type":"single","text":{"en":"Why?","fa":"چرا؟","ar":"لماذا؟"},
                           "options":[{"id":"price","text":{"en":"Price","fa":"قیمت","ar":"السعر"}},
                                      {"id":"speed","text":{"en":"Speed","fa":"سرعت","ar":"السرعة"}}]},
                          {"id":"comment","type":"text","text":{"en":"Tell us more","fa":"بیشتر بگویید","ar":"أخبرنا"}}],
             "thankYou":{"en":"Thanks!","fa":"ممنون!","ar":"شكرا!"}}""";
    private static final String[] COMMENTS = {
            "The delivery was late and the box was damaged",
            "Great service, thank you",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1 for the friendly courier",
            "-- the price went up again",
            "@support please call me",
            "Said \"fine\", but it wasn't, really",
            "first line\nsecond line, with a comma",
            "ارسال خیلی دیر بود و قیمت بالاست",
            "خدمات عالی بود، ممنون",
            "التوصيل كان متأخرا جدا",
            "خدمة ممتازة شكرا لكم",
            null};
    private static final Random RANDOM = new Random(20);
    private static LocalCloud cloud;
    private static LocalCloudCalls api;
    private static String lateKey;
    private static String lateId;
    private static String since;

    @BeforeAll
    static void answerTenThousandTimes() throws Exception {
        // GIVEN a survey answered 10,000 times, one of them a partial answer the sweep finalised
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0"));
        api = new LocalCloudCalls(cloud);
        assertThat(api.send("POST", "/api/surveys", SURVEY).statusCode()).isEqualTo(201);
        // this shop acts on nothing yet: no case or email for its thousands of detractors
        assertThat(api.send("PUT", "/api/alert-rules", "{\"rules\":[]}").statusCode()).isEqualTo(200);
        lateKey = UUID.randomUUID().toString();
        lateId = post(lateKey, answers(3, null, null), true);
        List<ObjectNode> bodies = new ArrayList<>();
        for (int i = 0; i < ANSWERS - 1; i++) {
            bodies.add(answers(RANDOM.nextInt(11), COMMENTS[RANDOM.nextInt(COMMENTS.length)],
                    RANDOM.nextBoolean() ? "price" : "speed"));
        }
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String>> sent = new ArrayList<>();
        for (ObjectNode body : bodies) {
            sent.add(clients.submit(() -> post(UUID.randomUUID().toString(), body, false)));
        }
        for (Future<String> answer : sent) {
            answer.get();
        }
        clients.shutdown();
        long sentIn = System.nanoTime() - started;
        // past the 30 minutes a partial answer waits for the rest
        cloud.advanceClock(Duration.ofMinutes(40));
        cloud.drain();
        System.out.printf("[export test] %d answers sent in %d ms, all scored after %d ms%n", ANSWERS,
                sentIn / 1_000_000, (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    @Order(1)
    void ndjsonExport_shouldEqualTheStoredAnswers_pageByPage() throws Exception {
        // WHEN the survey is exported as NDJSON, following each page's next link
        List<HttpResponse<String>> pages = pages("/api/surveys/shop/responses/export?format=ndjson");
        // THEN every stored answer comes out once, exactly as the API shows it
        Map<String, JsonNode> stored = stored();
        Map<String, JsonNode> exported = new HashMap<>();
        for (HttpResponse<String> page : pages) {
            assertThat(page.headers().firstValue("content-type")).hasValue("application/x-ndjson; charset=utf-8");
            for (String line : page.body().split("\n")) {
                JsonNode answer = JSON.readTree(line);
                assertThat(exported.put(answer.get("responseId").asText(), answer)).isNull();
            }
        }
        assertThat(stored).hasSize(ANSWERS);
        assertThat(exported).isEqualTo(stored);
        // AND it took more than one page, none of them near Lambda's 6 MB
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages).allSatisfy(page -> assertThat(page.body().length()).isLessThan(5_000_000));
    }

    @Test
    @Order(2)
    void csvExport_shouldEqualTheStoredAnswersFieldByField_withFormulasNeutralised() throws Exception {
        // WHEN the survey is exported as CSV
        List<HttpResponse<String>> pages = pages("/api/surveys/shop/responses/export?format=csv");
        // THEN each page is a file Excel opens as UTF-8, with the same header
        Map<String, Map<String, String>> rows = new HashMap<>();
        List<String> header = null;
        for (HttpResponse<String> page : pages) {
            assertThat(page.body()).startsWith("\uFEFFresponseId,surveyId,");
            MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(page.body().substring(1));
            for (Map<String, String> row : read.readAll()) {
                header = header == null ? List.copyOf(row.keySet()) : header;
                assertThat(List.copyOf(row.keySet())).isEqualTo(header);
                assertThat(rows.put(row.get("responseId"), row)).isNull();
            }
        }
        // AND every cell is the stored answer's field, a formula-looking one as text behind an apostrophe
        Map<String, JsonNode> stored = stored();
        assertThat(rows.keySet()).isEqualTo(stored.keySet());
        for (var answer : stored.entrySet()) {
            assertThat(rows.get(answer.getKey())).as(answer.getKey()).isEqualTo(expectedRow(answer.getValue(), header));
        }
        assertThat(rows.values()).anySatisfy(row ->
                assertThat(row.get("comment")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")"));
        assertThat(rows.values()).anySatisfy(row -> assertThat(row.get("answer.comment")).isEqualTo("'@support please call me"));
    }

    @Test
    @Order(3)
    void incrementalPull_shouldReturnExactlyTheNewAndChangedAnswers() throws Exception {
        // GIVEN the position a full export ended at
        List<HttpResponse<String>> full = pages("/api/surveys/shop/responses/export?format=ndjson");
        since = full.getLast().headers().firstValue("halqe-since").orElseThrow();
        // WHEN three answers arrive and the partial one is completed late
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            expected.add(post(UUID.randomUUID().toString(), answers(9, "Lovely", "speed"), false));
        }
        assertThat(post(lateKey, answers(3, "I came back to say: the app kept crashing", "price"), false)).isEqualTo(lateId);
        expected.add(lateId);
        cloud.drain();
        // THEN the pull from that position returns exactly those, the late one as it is now
        List<HttpResponse<String>> changed = pages("/api/surveys/shop/responses/export?format=ndjson&since=" + since);
        List<JsonNode> lines = changed.stream().flatMap(page -> page.body().lines()).map(ResponseExportTest::tree).toList();
        Set<String> returned = lines.stream().map(line -> line.get("responseId").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(returned).isEqualTo(expected);
        assertThat(lines).filteredOn(line -> line.get("responseId").asText().equals(lateId)).singleElement()
                .satisfies(late -> assertThat(late.get("comment").asText()).contains("crashing"));
        // AND the next pull from its new position returns nothing
        String next = changed.getLast().headers().firstValue("halqe-since").orElseThrow();
        assertThat(pages("/api/surveys/shop/responses/export?format=ndjson&since=" + next).getFirst().body()).isEmpty();
    }

    @Test
    @Order(4)
    void responsesList_shouldHonourFromAndTo() throws Exception {
        // GIVEN the newest answers' instant
        Instant late = Instant.parse(api.get("/api/surveys/shop/responses?limit=1").get("items").get(0).get("submittedAt").asText());
        // WHEN the list is asked for what came from that instant on, and for before it
        JsonNode after = api.get("/api/surveys/shop/responses?limit=1000&from=" + late);
        JsonNode before = api.get("/api/surveys/shop/responses?limit=5&to=" + late);
        // THEN each holds only its side of it
        assertThat(after.get("items")).isNotEmpty().allSatisfy(item ->
                assertThat(Instant.parse(item.get("submittedAt").asText())).isAfterOrEqualTo(late));
        assertThat(before.get("items")).hasSize(5).allSatisfy(item ->
                assertThat(Instant.parse(item.get("submittedAt").asText())).isBefore(late));
    }

    @Test
    @Order(5)
    void export_shouldRefuseABadFormatOrPosition_withTheFieldNamed() throws Exception {
        // WHEN the export is asked for an unknown format, a forged position, or both positions at once
        var format = api.send("GET", "/api/surveys/shop/responses/export?format=xlsx", null);
        var forged = api.send("GET", "/api/surveys/shop/responses/export?since=bm90LWEtcG9zaXRpb24", null);
        var both = api.send("GET", "/api/surveys/shop/responses/export?since=" + since + "&cursor=" + since, null);
        // THEN each is a 400 naming its field
        assertThat(JSON.readTree(format.body()).at("/error/field").asText()).isEqualTo("format");
        assertThat(JSON.readTree(forged.body()).at("/error/field").asText()).isEqualTo("since");
        assertThat(JSON.readTree(both.body()).at("/error/field").asText()).isEqualTo("cursor");
        assertThat(List.of(format.statusCode(), forged.statusCode(), both.statusCode())).containsOnly(400);
    }

    /** The CSV row an answer should be, written from the API's JSON view of it. */
    private static Map<String, String> expectedRow(JsonNode answer, List<String> header) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : header) {
            JsonNode value = column.startsWith("answer.") ? answer.path("answers").path(column.substring(7))
                    : column.startsWith("customer.") ? answer.path("customer").path(column.substring(9))
                    : column.startsWith("hidden.") ? answer.path("hidden").path(column.substring(7))
                    : answer.path(column);
            row.put(column, cell(value));
        }
        return row;
    }

    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return neutralised(String.join("; ", items));
        }
        return value.isTextual() ? neutralised(value.asText()) : value.asText();
    }

    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static Map<String, JsonNode> stored() throws Exception {
        Map<String, JsonNode> stored = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/surveys/shop/responses?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> stored.put(item.get("responseId").asText(), item));
            cursor = page.get("next").isNull() ? null
                    : java.net.URLEncoder.encode(page.get("next").asText(), java.nio.charset.StandardCharsets.UTF_8);
        } while (cursor != null);
        return stored;
    }

    /** Every page of an export, following the next links. */
    private static List<HttpResponse<String>> pages(String first) throws Exception {
        List<HttpResponse<String>> pages = new ArrayList<>();
        String path = first;
        while (path != null) {
            HttpResponse<String> page = api.send("GET", path, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            pages.add(page);
            path = page.headers().firstValue("link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }
        return pages;
    }

    private static ObjectNode answers(int score, String comment, String reason) {
        ObjectNode answers = JSON.createObjectNode().put("nps", score);
        if (comment != null) {
            answers.put("comment", comment);
        }
        if (reason != null) {
            answers.put("reason", reason);
        }
        return answers;
    }

    /** A customer's answer with an order id from the page; its response id. */
    private static String post(String key, ObjectNode answers, boolean partial) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("answers", answers);
        body.set("hidden", JSON.createObjectNode().put("orderId", "A-" + Math.abs(key.hashCode() % 1000)));
        if (partial) {
            body.put("partial", true);
        }
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/s/shop/responses"))
                .header("content-type", "application/json").header("idempotency-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isIn(200, 201);
        return JSON.readTree(sent.body()).get("responseId").asText();
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
