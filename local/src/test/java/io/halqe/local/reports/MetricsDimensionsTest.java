package io.halqe.local.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudCalls;
import io.halqe.local.LocalCloudOptions;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics as a new user reads them, from an empty local cloud: a survey created through the admin API with choice and
 * yes/no questions, answered through its public endpoint, then grouped by those answers; dimensions that do not exist
 * are refused, series have every bucket, and intervals stay on their scale.
 */
class MetricsDimensionsTest {

    private static final ObjectMapper JSON = LocalCloudCalls.JSON;
    private static final String SURVEY = """
            {"id":"plans","name":"Plans","kind":"relationship","defaultLanguage":"en","languages":["en"],
             "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Would you recommend us?"}},
                          {"id":"plan","type":"single","text":{"en":"Your plan"},"options":[{"id":"basic","text":{"en":"Basic"}},
                                                                                       {"id":"pro","text":{"en":"Pro"}}]},
                          {"id":"addons","type":"multi","text":{"en":"Add-ons"},"options":[{"id":"backup","text":{"en":"Backup"}},
                                                                                       {"id":"phone","text":{"en":"Phone"}}]},
                          {"id":"renew","type":"yesno","text":{"en":"Will you renew?"}},
                          {"id":"ces","type":"ces","text":{"en":"How easy was it?"}}],
             "thankYou":{"en":"Thanks!"}}""";
    private static LocalCloud cloud;
    private static LocalCloudCalls api;

    @BeforeAll
    static void start() throws Exception {
        // GIVEN an empty local cloud, a survey created through the API and six answers through its public endpoint
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false));
        api = new LocalCloudCalls(cloud);
        assertThat(api.send("POST", "/api/surveys", SURVEY).statusCode()).isEqualTo(201);
        answer("{\"nps\":10,\"plan\":\"pro\",\"addons\":[\"backup\",\"phone\"],\"renew\":true,\"ces\":7}");
        answer("{\"nps\":9,\"plan\":\"pro\",\"addons\":[\"backup\"],\"renew\":true,\"ces\":1}");
        answer("{\"nps\":2,\"plan\":\"basic\",\"renew\":false,\"ces\":1}");
        answer("{\"nps\":3,\"plan\":\"basic\",\"addons\":[],\"renew\":false}");
        answer("{\"nps\":8,\"plan\":\"basic\"}");
        answer("{\"nps\":10}");
        cloud.drain();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void groupByQuestion_shouldGroupByItsAnswers_whenTheQuestionIsSingleChoiceMultiChoiceOrYesNo() throws Exception {
        // WHEN the scores are grouped by each choice question
        JsonNode plan = metrics("groupBy=question:plan");
        JsonNode addons = metrics("groupBy=question:addons");
        JsonNode renew = metrics("groupBy=question:renew");
        // THEN each group holds the answers that chose it (a multi-choice answer counts in each option it chose)
        assertThat(groups(plan)).containsExactly("basic:3:-66.67", "pro:2:100.0");
        assertThat(groups(addons)).containsExactly("backup:2:100.0", "phone:1:100.0");
        assertThat(groups(renew)).containsExactly("no:2:-100.0", "yes:2:100.0");
        assertThat(plan.get("groupBy").asText()).isEqualTo("question:plan");
        assertThat(plan.get("responses").asInt()).isEqualTo(6);
    }

    @Test
    void where_shouldGiveOneValuesFiguresAndSeries_andBeRefusedWithGroupByOrAnUnknownDimension() throws Exception {
        // WHEN the figures of the basic plan's answers alone are read, with their daily series
        JsonNode basic = metrics("where=question:plan%3Dbasic&interval=day");
        // THEN they are those of its three answers (2, 3 and 8: two detractors, one passive), the series adding up
        assertThat(basic.get("where").asText()).isEqualTo("question:plan=basic");
        assertThat(basic.at("/nps/n").asInt()).isEqualTo(3);
        assertThat(basic.at("/nps/detractors").asInt()).isEqualTo(2);
        assertThat(basic.at("/nps/score").asDouble()).isCloseTo(-66.7, org.assertj.core.data.Offset.offset(0.05));
        int inSeries = 0;
        for (JsonNode point : basic.get("series")) {
            inSeries += point.get("responses").asInt();
        }
        assertThat(inSeries).isEqualTo(3);
        // AND the answers behind them are listed by the same filter, and only they (a page of one reads on)
        HttpResponse<String> feed = api.send("GET", "/api/surveys/plans/responses?where=question:plan%3Dbasic&limit=1",
                null);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        JsonNode first = JSON.readTree(feed.body());
        assertThat(first.get("items")).hasSize(1);
        HttpResponse<String> all = api.send("GET", "/api/surveys/plans/responses?where=question:plan%3Dbasic", null);
        List<Integer> scores = new ArrayList<>();
        JSON.readTree(all.body()).get("items").forEach(item -> {
            assertThat(item.at("/answers/plan").toString()).contains("\"basic\"");
            scores.add(item.at("/answers/nps").asInt());
        });
        assertThat(scores).containsExactlyInAnyOrder(2, 3, 8);
        // AND a filter with a grouping, with no value, or on a dimension nothing counts in, is a 400 on where
        for (String query : new String[] {"where=question:plan%3Dbasic&groupBy=language", "where=question:plan",
                "where=colour%3Dred"}) {
            HttpResponse<String> refused = api.send("GET", "/api/surveys/plans/metrics?" + query, null);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/error/field").asText()).as(query).isEqualTo("where");
        }
    }

    @Test
    void days_shouldBeTheLastDaysEndingToday_byTheCloudsClock_andRefusedWithFromOrOutOfRange() throws Exception {
        // GIVEN the local cloud's today in the reporting zone
        LocalDate today = LocalDate.ofInstant(cloud.clock().instant(), ZoneId.of("UTC"));
        // WHEN the last 7 days are asked for, and the 7 before them
        JsonNode week = metrics("days=7&interval=day");
        JsonNode before = metrics("days=7&to=" + today.minusDays(7));
        // THEN they end today and hold this week's six answers, with a point a day; the week before holds none
        assertThat(week.get("to").asText()).isEqualTo(today.toString());
        assertThat(week.get("from").asText()).isEqualTo(today.minusDays(6).toString());
        assertThat(week.get("responses").asInt()).isEqualTo(6);
        assertThat(week.get("series")).hasSize(7);
        assertThat(before.get("from").asText()).isEqualTo(today.minusDays(13).toString());
        assertThat(before.get("responses").asInt()).isZero();
        // AND days with from, or out of range, is a 400 on days
        for (String query : new String[] {"days=7&from=" + today, "days=0", "days=abc", "days=99999"}) {
            HttpResponse<String> refused = api.send("GET", "/api/surveys/plans/metrics?" + query, null);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/error/field").asText()).as(query).isEqualTo("days");
        }
    }

    @Test
    void groupBy_shouldBeRefusedSayingWhatIsAvailable_whenNoSuchDimensionExists() throws Exception {
        // WHEN scores are grouped by a score, by an unknown name, by a question that is not a choice, or by a CRM field
        // nobody has while the survey has a question of that name
        HttpResponse<String> nps = api.send("GET", "/api/surveys/plans/metrics?groupBy=nps", null);
        HttpResponse<String> unknown = api.send("GET", "/api/surveys/plans/metrics?groupBy=colour", null);
        HttpResponse<String> scored = api.send("GET", "/api/surveys/plans/metrics?groupBy=question:ces", null);
        HttpResponse<String> missing = api.send("GET", "/api/surveys/plans/metrics?groupBy=question:colour", null);
        HttpResponse<String> crmPlan = api.send("GET", "/api/surveys/plans/metrics?groupBy=plan", null);
        // THEN each is a 400 on groupBy that names what can be grouped by, never an empty list
        for (HttpResponse<String> refused : List.of(nps, unknown, scored, missing, crmPlan)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_query");
            assertThat(error.get("field").asText()).isEqualTo("groupBy");
            assertThat(error.get("message").asText()).contains("question:plan");
        }
        assertThat(JSON.readTree(crmPlan.body()).at("/error/message").asText()).contains("use question:plan");
        // AND a dimension the answers do count in is still served
        assertThat(metrics("groupBy=language").at("/groups/0/key").asText()).isEqualTo("en");
    }

    @Test
    void dailySeries_shouldHaveEveryDayOfTheRange_whenMostDaysHaveNoAnswers() throws Exception {
        // GIVEN the 30 days up to today in the reporting zone
        ZoneId zone = ZoneId.of(metrics("").get("timeZone").asText());
        LocalDate today = cloud.clock().instant().atZone(zone).toLocalDate();
        // WHEN a daily series is read over them
        JsonNode month = metrics("interval=day&from=" + today.minusDays(29) + "&to=" + today);
        // THEN it has 30 points, consecutive, the quiet ones saying n = 0
        JsonNode series = month.get("series");
        assertThat(series).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(series.get(i).get("start").asText()).isEqualTo(today.minusDays(29 - i).toString());
            assertThat(series.get(i).get("responses").asInt()).isEqualTo(i == 29 ? 6 : 0);
        }
        assertThat(series.get(0).at("/nps/n").asInt()).isZero();
        // AND a series too long to serve is refused rather than cut
        assertThat(api.send("GET", "/api/surveys/plans/metrics?interval=day&from=2000-01-01&to=" + today, null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void cesInterval_shouldStayOnItsScale_whenTheAnswersAreFewAndSpread() throws Exception {
        // GIVEN CES answers 7, 1, 1 (a mean of 3 with a wide normal interval)
        // WHEN the metrics are read
        JsonNode ces = metrics("").get("ces");
        // THEN the interval is cut to the 1-7 scale
        assertThat(ces.get("n").asInt()).isEqualTo(3);
        assertThat(ces.at("/ci95/0").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(ces.at("/ci95/1").asDouble()).isLessThanOrEqualTo(7.0);
        assertThat(ces.at("/ci95/0").asDouble()).isEqualTo(1.0);
    }

    private static List<String> groups(JsonNode metrics) {
        List<String> groups = new ArrayList<>();
        metrics.get("groups").forEach(group -> groups.add(group.get("key").asText() + ":" + group.get("responses").asInt()
                + ":" + group.at("/nps/score").asDouble()));
        return groups;
    }

    private static JsonNode metrics(String query) throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/surveys/plans/metrics?" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void answer(String answers) throws Exception {
        api.answer("plans", JSON.readTree(answers));
    }
}
