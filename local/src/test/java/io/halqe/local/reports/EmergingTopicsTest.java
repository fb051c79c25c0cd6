package io.halqe.local.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import io.halqe.local.Outbox;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Emerging topics from an empty local cloud: a café's survey created and answered through the documented calls
 * (comments drawn from a seeded generator), on the days up to a Monday (the four weeks the week is compared with:
 * the clock only moves forward, and every day it moves costs the schedules' firings, so those answers fall in the
 * baseline's last days) and then every day of that ISO week, which also brings new complaints about leaking cups in
 * English and Persian. The topics the API reports are checked against the same test recomputed from the stored
 * answers the API lists; the team digest the schedule sends after the week lists them beside its drivers; filing a
 * topic under a theme takes it off the list and tags the next answers with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmergingTopicsTest {

    private static final ObjectMapper JSON = LocalCloudCalls.JSON;
    private static final String SURVEY = """
            {"id":"cafe","name":"Café","kind":"relationship","defaultLanguage":"en","languages":["en","fa"],
             "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Would you recommend us?","fa":"پیشنهاد می‌کنید؟"}},
                          {"id":"comment","type":"text","text":{"en":"Why?","fa":"چرا؟"}}],
             "thankYou":{"en":"Thanks!","fa":"ممنون!"}}""";
    /** Every week: what a café hears. */
    private static final String[] USUAL = {
            "The delivery was late and far too expensive",
            "Great coffee and friendly baristas",
            "The courier was rude and the parcel arrived late",
            "Delivery was quick but the price went up again",
            "Loved the croissant, the delivery was on time",
            "Too expensive for a small cup",
            null};
    /** The reported week only: a new problem no theme covers yet. */
    private static final String[] NEW = {
            "The new cups leak all over my desk",
            "The lids of the new cups leak",
            "لیوان های جدید نشتی دارند"};
    private static final int BASELINE_ANSWERS = 72;
    private static final int ANSWERS_A_DAY = 5;
    private static final Random RANDOM = new Random(29);
    private static LocalCloud cloud;
    private static LocalCloudCalls api;
    private static LocalDate sunday;
    private static int answered;

    @BeforeAll
    static void answerTheBaselineThenAWeek() throws Exception {
        // GIVEN a survey answered on each day up to the next Monday, then five times on each day of that week
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false)
                .withParameter("AnonymousAnswersPerMinute", "0"));
        api = new LocalCloudCalls(cloud);
        assertThat(api.send("POST", "/api/surveys", SURVEY).statusCode()).isEqualTo(201);
        LocalDate today = LocalDate.ofInstant(cloud.now(), ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        int baselineDays = (int) java.time.temporal.ChronoUnit.DAYS.between(today, monday);
        for (int i = 0; i < BASELINE_ANSWERS; i++) {
            moveTo(today.plusDays((long) i * baselineDays / BASELINE_ANSWERS));
            answerUsual(false);
        }
        for (LocalDate day = monday; day.isBefore(monday.plusDays(7)); day = day.plusDays(1)) {
            moveTo(day);
            for (int i = 0; i < ANSWERS_A_DAY; i++) {
                answerUsual(RANDOM.nextInt(5) < 2);
            }
        }
        cloud.drain();
        sunday = monday.plusDays(6);
    }

    /** A comment drawn from the usual ones, or from the new problem; a score that leans with it. */
    private static void answerUsual(boolean fresh) throws Exception {
        String comment = fresh ? NEW[RANDOM.nextInt(NEW.length)] : USUAL[RANDOM.nextInt(USUAL.length)];
        answer(comment, comment == null ? RANDOM.nextInt(11) : comment.startsWith("Great")
                || comment.startsWith("Loved") ? 9 + RANDOM.nextInt(2) : RANDOM.nextInt(8));
        answered++;
    }

    /** The clock to 09:00 UTC on {@code day}, unless it is there already. */
    private static void moveTo(LocalDate day) {
        Instant target = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        if (target.isAfter(cloud.now())) {
            cloud.advanceClock(Duration.between(cloud.now(), target));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    @Order(1)
    void emerging_shouldEqualAnIndependentComputation_fromTheStoredAnswers() throws Exception {
        // WHEN the fifth week's emerging topics are read
        JsonNode emerging = api.get("/api/surveys/cafe/emerging?to=" + sunday + "&limit=50");
        // THEN they are exactly the phrases whose share rose significantly, recomputed from the listed answers
        List<JsonNode> answers = api.storedAnswers("cafe");
        assertThat(answers).hasSize(answered);
        Map<String, long[]> counts = new TreeMap<>();
        long[] totals = new long[2];
        for (JsonNode answer : answers) {
            LocalDate day = LocalDate.ofInstant(Instant.parse(answer.get("submittedAt").asText()), ZoneOffset.UTC);
            int period = day.isAfter(sunday.minusDays(7)) ? 0 : 1;
            totals[period]++;
            for (String phrase : uncoveredPhrases(answer)) {
                counts.computeIfAbsent(phrase, p -> new long[2])[period]++;
            }
        }
        Map<String, Double> expected = new TreeMap<>();
        counts.forEach((phrase, count) -> {
            double z = z(count[0], totals[0], count[1], totals[1]);
            if (count[0] >= 3 && z >= 1.959963984540054) {
                expected.put(phrase, z);
            }
        });
        List<String> reported = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode topic : emerging.get("topics")) {
            String key = topic.get("language").asText() + ":" + topic.get("phrase").asText();
            reported.add(key);
            assertThat(expected).as(key).containsKey(key);
            assertThat(topic.get("z").asDouble()).as(key).isCloseTo(expected.get(key), within(0.01));
            assertThat(topic.get("responses").asLong()).isEqualTo(counts.get(key)[0]);
            assertThat(topic.get("responsesBefore").asLong()).isEqualTo(counts.get(key)[1]);
            assertThat(topic.get("share").asDouble()).isCloseTo(100.0 * counts.get(key)[0] / totals[0], within(0.01));
            assertThat(topic.get("z").asDouble()).isLessThanOrEqualTo(previous);
            previous = topic.get("z").asDouble();
            // each example is an answer of the week that carries the phrase
            assertThat(topic.get("examples").size()).isBetween(1, 3);
            for (JsonNode example : topic.get("examples")) {
                JsonNode answer = answers.stream().filter(a -> a.get("responseId").asText()
                        .equals(example.get("responseId").asText())).findFirst().orElseThrow();
                assertThat(uncoveredPhrases(answer)).contains(key);
                assertThat(example.get("comment").asText()).isEqualTo(answer.get("comment").asText());
            }
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected.keySet());
        // AND the new problem is among them, in both languages, while the usual comments are not
        assertThat(reported).contains("en:new cups", "fa:لیوانهای جدید").doesNotContain("en:coffee", "en:croissant");
    }

    @Test
    @Order(2)
    void teamDigest_shouldListTheWeeksEmergingTopicsAndDrivers_whenTheScheduleSendsIt() throws Exception {
        // GIVEN the topics the API reports for the fifth week
        JsonNode topics = api.get("/api/surveys/cafe/emerging?to=" + sunday).get("topics");
        // WHEN the clock passes the next Monday's digest hour
        moveTo(sunday.plusDays(1));
        // THEN logistics (which owns the delivery answers) gets the week's digest, listing its costliest themes and
        // the topics emerging in the survey, with their counts
        String week = "%d-W%02d".formatted(sunday.get(IsoFields.WEEK_BASED_YEAR),
                sunday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Outbox.Email digest = cloud.outbox().emails().stream()
                .filter(email -> email.subject().equals("[Halqe] logistics — week " + week)).findFirst().orElseThrow();
        assertThat(digest.text()).contains("What costs the most", "New this week in cafe");
        for (int i = 0; i < Math.min(5, topics.size()); i++) {
            JsonNode topic = topics.get(i);
            assertThat(digest.text()).contains("\"%s\" (%s): %d answers".formatted(topic.get("phrase").asText(),
                    topic.get("language").asText(), topic.get("responses").asLong()));
        }
        assertThat(topics.size()).isPositive();
    }

    @Test
    @Order(3)
    void fileAsTheme_shouldTakeTheTopicOffTheList_andTagTheNextAnswers() throws Exception {
        // GIVEN the suggestion for "new cups": the theme most of its examples were tagged with (a leak is quality)
        JsonNode cups = topic(api.get("/api/surveys/cafe/emerging?to=" + sunday), "new cups");
        assertThat(cups.at("/suggestion/theme").asText()).isEqualTo("product_quality");
        assertThat(cups.at("/suggestion/newTheme").asBoolean()).isFalse();
        // WHEN it is filed as suggested
        HttpResponse<String> filed = api.send("POST", "/api/surveys/cafe/themes", JSON.writeValueAsString(Map.of(
                "theme", cups.at("/suggestion/theme").asText(), "language", "en",
                "term", cups.at("/suggestion/term").asText())));
        // THEN the survey's own copy of the theme holds it beside the default terms, the topic is no longer
        // emerging, and a new answer naming the cups without a quality word is tagged with the theme
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
        assertThat(JSON.readTree(filed.body()).at("/terms/en")).extracting(JsonNode::asText).contains("new cups", "leak");
        assertThat(topic(api.get("/api/surveys/cafe/emerging?to=" + sunday), "new cups")).isNull();
        String id = answer("The new cups again", 3);
        cloud.drain();
        assertThat(api.get("/api/responses/" + id).get("themes")).extracting(JsonNode::asText).contains("product_quality");
    }

    @Test
    @Order(4)
    void badRequests_shouldBe4xxNamingTheField() throws Exception {
        // WHEN a term comes without a theme, a week ends on no date, or the survey does not exist
        HttpResponse<String> noTheme = api.send("POST", "/api/surveys/cafe/themes", "{\"language\":\"en\",\"term\":\"x\"}");
        HttpResponse<String> badTo = api.send("GET", "/api/surveys/cafe/emerging?to=sunday", null);
        HttpResponse<String> missing = api.send("GET", "/api/surveys/nope/emerging", null);
        // THEN each is refused with what was wrong
        assertThat(noTheme.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noTheme.body()).at("/error/field").asText()).isEqualTo("theme");
        assertThat(badTo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTo.body()).at("/error/field").asText()).isEqualTo("to");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    /** The answer's key phrases that are no term its analysis found, as language:phrase. */
    private static Set<String> uncoveredPhrases(JsonNode answer) {
        Set<String> terms = new HashSet<>();
        answer.path("matches").forEach(match -> terms.add(match.get("term").asText()));
        Set<String> phrases = new HashSet<>();
        answer.path("keyPhrases").forEach(phrase -> {
            if (!terms.contains(phrase.asText())) {
                phrases.add(answer.get("language").asText() + ":" + phrase.asText());
            }
        });
        return phrases;
    }

    private static double z(long now, long answersNow, long before, long answersBefore) {
        double pooled = (double) (now + before) / (answersNow + answersBefore);
        return ((double) now / answersNow - (double) before / answersBefore)
                / Math.sqrt(pooled * (1 - pooled) * (1.0 / answersNow + 1.0 / answersBefore));
    }

    private static JsonNode topic(JsonNode emerging, String phrase) {
        for (JsonNode topic : emerging.get("topics")) {
            if (topic.get("phrase").asText().equals(phrase)) {
                return topic;
            }
        }
        return null;
    }

    private static String answer(String comment, int nps) throws Exception {
        ObjectNode answers = JSON.createObjectNode().put("nps", nps);
        if (comment != null) {
            answers.put("comment", comment);
        }
        return api.answer("cafe", answers);
    }
}
