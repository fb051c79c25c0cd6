package io.halqe.local.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key drivers from an empty local cloud: a survey created and answered through the documented calls (120 answers,
 * scores and comments drawn from a seeded generator), then each driver the API reports is checked against the same
 * figures recomputed independently from the stored answers the API lists.
 */
class KeyDriversTest {

    private static final ObjectMapper JSON = LocalCloudCalls.JSON;
    private static final String SURVEY = """
            {"id":"drivers","name":"Drivers","kind":"relationship","defaultLanguage":"en","languages":["en"],
             "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Would you recommend us?"}},
                          {"id":"comment","type":"text","text":{"en":"Why?"}}],
             "thankYou":{"en":"Thanks!"}}""";
    private static final String[] COMMENTS = {
            "The parcel arrived late again and the courier was rude",
            "Support never answered my emails",
            "I was charged twice for the same order",
            "Great product, it works perfectly",
            "Far too expensive for what you get",
            "The app keeps crashing when I try to pay",
            null};
    private static LocalCloud cloud;
    private static LocalCloudCalls api;
    private static List<JsonNode> stored;

    @BeforeAll
    static void start() throws Exception {
        // GIVEN a survey answered 120 times, each answer a seeded draw of a score and a comment (or none)
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0"));
        api = new LocalCloudCalls(cloud);
        assertThat(api.send("POST", "/api/surveys", SURVEY).statusCode()).isEqualTo(201);
        Random random = new Random(17);
        for (int i = 0; i < 120; i++) {
            String comment = COMMENTS[random.nextInt(COMMENTS.length)];
            // complaints lean low, praise high, so the drivers differ
            int nps = comment == null ? random.nextInt(11) : comment.startsWith("Great") ? 8 + random.nextInt(3)
                    : random.nextInt(9);
            ObjectNode answers = JSON.createObjectNode().put("nps", nps);
            if (comment != null) {
                answers.put("comment", comment);
            }
            api.answer("drivers", answers);
        }
        cloud.drain();
        stored = api.storedAnswers("drivers");
        assertThat(stored).hasSize(120);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void themeDrivers_shouldEqualAnIndependentComputation_fromTheStoredAnswers() throws Exception {
        // WHEN the drivers by theme are read
        JsonNode drivers = api.get("/api/surveys/drivers/drivers?by=theme");
        // THEN each equals what the stored answers give, and the costliest comes first
        assertMatchesRecomputation(drivers, answer -> values(answer.get("themes")));
        assertThat(drivers.get("drivers").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void typeDrivers_shouldEqualAnIndependentComputation_fromTheStoredAnswers() throws Exception {
        // WHEN the drivers by feedback type are read THEN they equal the recomputation too
        JsonNode drivers = api.get("/api/surveys/drivers/drivers?by=type");
        assertThat(drivers.get("by").asText()).isEqualTo("type");
        assertMatchesRecomputation(drivers, answer -> answer.get("feedbackType").isNull() ? List.of()
                : List.of(answer.get("feedbackType").asText()));
    }

    @Test
    void drivers_shouldBeRefused_whenByNamesNoDimension() throws Exception {
        // WHEN drivers are asked by a score THEN it is a 400 on "by"
        HttpResponse<String> refused = api.send("GET", "/api/surveys/drivers/drivers?by=nps", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).at("/error/field").asText()).isEqualTo("by");
    }

    /** Share, NPS with and impact per value, recomputed from the answers; the order by impact, costliest first. */
    private static void assertMatchesRecomputation(JsonNode drivers, Function<JsonNode, List<String>> valuesOf) {
        Map<String, List<JsonNode>> with = new LinkedHashMap<>();
        stored.forEach(answer -> valuesOf.apply(answer).forEach(value ->
                with.computeIfAbsent(value, v -> new ArrayList<>()).add(answer)));
        assertThat(drivers.get("drivers")).hasSize(with.size());
        double overall = nps(stored);
        double previousImpact = Double.POSITIVE_INFINITY;
        for (JsonNode driver : drivers.get("drivers")) {
            List<JsonNode> having = with.get(driver.get("key").asText());
            assertThat(having).as(driver.toString()).isNotNull();
            List<JsonNode> rest = stored.stream().filter(answer -> !having.contains(answer)).toList();
            double w = (double) having.size() / stored.size();
            assertThat(driver.get("responses").asInt()).isEqualTo(having.size());
            assertThat(driver.get("share").asDouble()).isCloseTo(100 * w, within(0.01));
            assertThat(driver.at("/npsWith/score").asDouble()).isCloseTo(nps(having), within(0.01));
            assertThat(driver.at("/npsWithout/score").asDouble()).isCloseTo(nps(rest), within(0.01));
            double impact = nps(rest) - overall;
            assertThat(driver.get("impact").asDouble()).as(driver.toString()).isCloseTo(impact, within(0.02));
            assertThat(driver.at("/impactCi95/0").asDouble()).isLessThanOrEqualTo(driver.get("impact").asDouble());
            assertThat(driver.at("/impactCi95/1").asDouble()).isGreaterThanOrEqualTo(driver.get("impact").asDouble());
            assertThat(driver.get("impact").asDouble()).isLessThanOrEqualTo(previousImpact);
            previousImpact = driver.get("impact").asDouble();
        }
    }

    private static double nps(List<JsonNode> answers) {
        long promoters = answers.stream().filter(answer -> answer.get("npsScore").asInt() >= 9).count();
        long detractors = answers.stream().filter(answer -> answer.get("npsScore").asInt() <= 6).count();
        return 100.0 * (promoters - detractors) / answers.size();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
