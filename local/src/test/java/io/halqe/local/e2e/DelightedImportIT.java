package io.halqe.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Moving from Delighted (issue 20): from an empty local cloud, with documented calls only, a Delighted responses
 * export of 1,000 answers over the last 90 days — generated here from a seeded Random: scores, comments in en, fa and
 * ar (some formula-looking, quoted or over several lines), about 300 people, Unix and written dates — imports into
 * metrics equal to a tally of the file itself, day by day and week by week, with no case, email or SNS alert although
 * the alert rules in force match its detractors; its people and their histories are filled in; and importing it again
 * changes nothing.
 */
class DelightedImportIT extends LocalCloudProcess {

    private static final String SURVEY = "from-delighted";
    private static final int ANSWERS = 1_000;
    private static final int PEOPLE = 300;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HEADER = List.of("Response ID", "Score", "Comment", "Email", "Name",
            "Created At", "Updated At", "Permalink", "Tags", "Notes", "Delighted Source", "Country");
    /** What people write, with what breaks naive CSV or spreadsheets: formulas, quotes, separators, line breaks. */
    private static final List<String> COMMENTS = List.of(
            "Delivery took 9 days, nobody answered my emails",
            "Great support, fast and friendly",
            "The price went up again; not happy",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+98 912 123 4567 call me back",
            "@SUM(A1:A9) is what I paid, twice",
            "She said \"never again\", and I agree",
            "Line one of my complaint\nLine two: the app crashes on login\n\nLine four",
            "ارسال سفارش خیلی دیر بود و پشتیبانی جواب نداد",
            "کیفیت محصول عالی بود، ممنون",
            "قیمت‌ها خیلی گران شده است",
            "التوصيل تأخر كثيرا ولم يرد أحد",
            "خدمة ممتازة وسريعة، شكرا لكم",
            "");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private record Answer(String responseId, int score, String comment, String email, Instant givenAt) {
    }

    @Test
    void delightedExport_shouldScoreAsTheFileSaysOnItsOwnDays_actOnNothing_andChangeNothingWhenImportedAgain()
            throws Exception {
        // GIVEN an empty local cloud, a survey with an NPS and a text question, and alert rules in force that open a
        // case, email and alert for every detractor
        Instant now = Instant.parse(getJson("/_local/clock", false).get("now").asText());
        HttpResponse<String> survey = sendAdmin("POST", "/api/surveys", """
                {"id":"from-delighted","name":{"en":"NPS (from Delighted)"},"kind":"relationship",
                 "defaultLanguage":"en","languages":["en","fa","ar"],
                 "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"How likely…?"}},
                              {"id":"why","type":"text","text":{"en":"Why?"}}]}""");
        assertThat(survey.statusCode()).as(survey.body()).isEqualTo(201);
        assertThat(getJson("/api/alert-rules", true).get("rules")).anySatisfy(rule -> {
            assertThat(rule.get("pattern").asText()).contains("detractor");
            assertThat(rule.at("/actions/openCase").isObject()).isTrue();
            assertThat(rule.at("/actions/email").asText()).isEqualTo("immediate");
            assertThat(rule.at("/actions/sns").asBoolean()).isTrue();
        });
        ZoneId zone = ZoneId.of(getJson("/api/surveys/" + SURVEY + "/metrics", true).get("timeZone").asText());
        // AND a Delighted export of 1,000 answers over the 90 days before the clock, as Excel saves it
        List<Answer> answers = answers(new Random(20_260_630L), now);
        byte[] export = export(answers, new Random(7));
        JsonNode tablesBefore = getJson("/_local/tables", false);

        // WHEN it is imported
        long started = System.nanoTime();
        HttpResponse<String> first = importExport(export);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("DelightedImportIT: %,d answers (%,d bytes) imported in %d ms%n", ANSWERS, export.length,
                took.toMillis());
        drain();

        // THEN every row is created (how long it took is printed: speed is measured, not asserted)
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(first.body());
        assertThat(report.get("rows").asInt()).isEqualTo(ANSWERS);
        assertThat(report.get("created").asInt()).isEqualTo(ANSWERS);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("customers").asInt())
                .isEqualTo((int) answers.stream().map(Answer::email).filter(e -> !e.isEmpty()).distinct().count());
        // AND the scores are those of the file, counted on the day and in the week each answer was given
        JsonNode daily = metrics(now, zone, "day");
        assertThat(daily.get("responses").asInt()).isEqualTo(ANSWERS);
        assertSameTally(daily, tally(answers, answer -> LocalDate.ofInstant(answer.givenAt(), zone)));
        JsonNode weekly = metrics(now, zone, "week");
        assertSameTally(weekly, tally(answers, answer -> LocalDate.ofInstant(answer.givenAt(), zone)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        // AND no case was opened, no email sent, no SNS alert published, nothing claimed or parked for any answer
        assertThat(getJson("/api/cases?status=open", true).get("items")).isEmpty();
        JsonNode outbox = getJson("/_local/outbox", false);
        assertThat(outbox.get("emails")).isEmpty();
        assertThat(outbox.get("notifications")).isEmpty();
        JsonNode tablesAfter = getJson("/_local/tables", false);
        assertThat(tablesAfter.get("CasesTable")).isEqualTo(tablesBefore.get("CasesTable"));
        assertThat(getJson("/_local/dead-letters", false).toString()).doesNotContain(SURVEY);
        // AND each answer is stored as it was given, and analysed
        assertStoredAsGivenAndAnalysed(answers);
        // AND each person is in the directory with their answers in their history, newest first
        assertHistory(answers);

        // WHEN the same export is imported again
        JsonNode metricsBefore = metrics(now, zone, "day");
        started = System.nanoTime();
        HttpResponse<String> second = importExport(export);
        System.out.printf("DelightedImportIT: the same %,d answers imported again in %d ms%n", ANSWERS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        drain();
        // THEN every row is unchanged, and neither the scores nor any stored item moved
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode again = JSON.readTree(second.body());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(ANSWERS);
        assertThat(again.get("failed").asInt()).isZero();
        assertThat(metrics(now, zone, "day")).isEqualTo(metricsBefore);
        JsonNode tablesAgain = getJson("/_local/tables", false);
        for (String table : List.of("ResponsesTable", "AggregatesTable", "DirectoryTable", "CasesTable", "OutreachTable")) {
            assertThat(tablesAgain.get(table)).as(table).isEqualTo(tablesAfter.get(table));
        }

        // WHEN, for contrast, a detractor answers the survey today
        HttpResponse<String> live = answerToday("{\"answers\":{\"nps\":1,\"why\":\"Still late, still no answer\"}}");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(201);
        drain();
        // THEN the same rules open its case, email its owner and alert the team: they were there all along
        assertThat(getJson("/api/cases?status=open", true).get("items")).singleElement()
                .satisfies(opened -> assertThat(opened.get("surveyId").asText()).isEqualTo(SURVEY));
        JsonNode outboxAfter = getJson("/_local/outbox", false);
        assertThat(outboxAfter.get("emails")).isNotEmpty();
        assertThat(outboxAfter.get("notifications")).isNotEmpty();
    }

    /** 1,000 answers: scores leaning as real NPS data do, ~300 people (some answers anonymous), within 90 days. */
    private static List<Answer> answers(Random random, Instant now) {
        List<Answer> answers = new ArrayList<>();
        long window = Duration.ofDays(90).toSeconds();
        for (int i = 0; i < ANSWERS; i++) {
            int roll = random.nextInt(100);
            int score = roll < 25 ? random.nextInt(7) : roll < 55 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
            String comment = COMMENTS.get(random.nextInt(COMMENTS.size()));
            String email = random.nextInt(20) == 0 ? "" : "person" + random.nextInt(PEOPLE) + "@example.com";
            // whole seconds (the export's precision), at least a minute before the clock
            Instant givenAt = now.minusSeconds(60 + (long) (random.nextDouble() * (window - 120)))
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            answers.add(new Answer(String.valueOf(40_000_000 + i), score, comment, email, givenAt));
        }
        return answers;
    }

    /** Excel's "CSV UTF-8": a byte-order mark, CRLF rows; dates as Unix seconds or written with an offset. */
    private static byte[] export(List<Answer> answers, Random random) throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER.toArray(String[]::new));
        for (Answer answer : answers) {
            String created = random.nextInt(10) < 7 ? String.valueOf(answer.givenAt().getEpochSecond())
                    : answer.givenAt().atZone(ZoneId.of(random.nextBoolean() ? "America/Los_Angeles" : "Asia/Tehran"))
                    .format(WRITTEN);
            String person = answer.email().isEmpty() ? "" : answer.email().replace("@example.com", "");
            rows.add(new String[] {answer.responseId(), String.valueOf(answer.score()), answer.comment(),
                    answer.email(), person, created, created, "https://app.delighted.com/r/" + answer.responseId(),
                    random.nextBoolean() ? "vip, follow-up" : "", "", random.nextBoolean() ? "email" : "web",
                    answer.email().isEmpty() ? "" : random.nextBoolean() ? "IR" : "AE"});
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(BYTE_ORDER_MARK);
        file.writeBytes(new CsvMapper().writer(CsvSchema.emptySchema().withLineSeparator("\r\n"))
                .writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
        return file.toByteArray();
    }

    private static HttpResponse<String> importExport(byte[] export) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/api/surveys/" + SURVEY + "/import/delighted"))
                .header("authorization", "Bearer " + KEY).header("content-type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(export)));
    }

    private static HttpResponse<String> answerToday(String body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve("/s/" + SURVEY + "/responses"))
                .header("content-type", "application/json").header("idempotency-key", "live-detractor")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The 91 days ending today, from the Monday before the first, so weeks are whole; the series by {@code interval}. */
    private static JsonNode metrics(Instant now, ZoneId zone, String interval) throws Exception {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from = today.minusDays(91).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return getJson("/api/surveys/" + SURVEY + "/metrics?from=" + from + "&to=" + today + "&interval=" + interval,
                true);
    }

    /** Per bucket start: promoters, passives, detractors — counted from the file alone. */
    private static Map<LocalDate, int[]> tally(List<Answer> answers, java.util.function.Function<Answer, LocalDate> bucket) {
        Map<LocalDate, int[]> tally = new TreeMap<>();
        for (Answer answer : answers) {
            int[] counts = tally.computeIfAbsent(bucket.apply(answer), day -> new int[3]);
            counts[answer.score() >= 9 ? 0 : answer.score() >= 7 ? 1 : 2]++;
        }
        return tally;
    }

    /** Every point of the series holds the file's counts and NPS for its bucket; buckets the file has none in, none. */
    private static void assertSameTally(JsonNode metrics, Map<LocalDate, int[]> expected) {
        Map<LocalDate, JsonNode> points = new HashMap<>();
        metrics.get("series").forEach(point -> points.put(LocalDate.parse(point.get("start").asText()), point));
        assertThat(points.keySet()).containsAll(expected.keySet());
        points.forEach((start, point) -> {
            int[] counts = expected.getOrDefault(start, new int[3]);
            int n = counts[0] + counts[1] + counts[2];
            assertThat(point.get("responses").asInt()).as("answers in %s", start).isEqualTo(n);
            if (n == 0) {
                return;
            }
            assertThat(point.at("/nps/promoters").asInt()).as("promoters in %s", start).isEqualTo(counts[0]);
            assertThat(point.at("/nps/passives").asInt()).as("passives in %s", start).isEqualTo(counts[1]);
            assertThat(point.at("/nps/detractors").asInt()).as("detractors in %s", start).isEqualTo(counts[2]);
            assertThat(point.at("/nps/score").asDouble()).as("NPS in %s", start)
                    .isCloseTo(100.0 * (counts[0] - counts[2]) / n, within(0.005));
        });
    }

    /**
     * Every answer of the file stored once, as it was given (date, score, comment as written — formulas, quotes and
     * line breaks included — and person), marked historical and analysed; a Persian and an Arabic comment read as such.
     */
    private static void assertStoredAsGivenAndAnalysed(List<Answer> answers) throws Exception {
        Map<String, JsonNode> stored = new HashMap<>();
        JsonNode page = getJson("/api/surveys/" + SURVEY + "/responses?limit=1000", true);
        page.get("items").forEach(item -> stored.put(key(Instant.parse(item.get("submittedAt").asText()),
                item.at("/answers/nps").asInt(), item.at("/answers/why").asText(""), item.path("customerId").asText("")),
                item));
        assertThat(stored).hasSize(ANSWERS);
        for (Answer answer : answers) {
            JsonNode item = stored.get(key(answer.givenAt(), answer.score(), answer.comment(), answer.email()));
            assertThat(item).as("answer %s as given", answer.responseId()).isNotNull();
            assertThat(item.get("historical").asBoolean()).isTrue();
            assertThat(item.get("status").asText()).isEqualTo("enriched");
            assertThat(item.get("sentiment").asText()).isIn("positive", "neutral", "negative");
        }
        Answer persian = answers.stream().filter(a -> a.comment().equals(COMMENTS.get(8))).findFirst().orElseThrow();
        JsonNode read = stored.get(key(persian.givenAt(), persian.score(), persian.comment(), persian.email()));
        assertThat(read.get("language").asText()).isEqualTo("fa");
        assertThat(read.get("themes")).anySatisfy(theme -> assertThat(theme.asText()).isEqualTo("delivery"));
        Answer arabic = answers.stream().filter(a -> a.comment().equals(COMMENTS.get(11))).findFirst().orElseThrow();
        assertThat(stored.get(key(arabic.givenAt(), arabic.score(), arabic.comment(), arabic.email()))
                .get("language").asText()).isEqualTo("ar");
    }

    private static String key(Instant givenAt, int score, String comment, String customer) {
        return givenAt + "|" + score + "|" + comment + "|" + customer;
    }

    /** The person with the most answers: each of them in their history, newest first, with its own date. */
    private static void assertHistory(List<Answer> answers) throws Exception {
        Map<String, List<Answer>> byPerson = new HashMap<>();
        answers.stream().filter(answer -> !answer.email().isEmpty())
                .forEach(answer -> byPerson.computeIfAbsent(answer.email(), e -> new ArrayList<>()).add(answer));
        var busiest = byPerson.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingInt(List::size))).orElseThrow();
        JsonNode person = getJson("/api/customers/" + busiest.getKey(), true);
        assertThat(person.get("email").asText()).isEqualTo(busiest.getKey());
        JsonNode history = getJson("/api/customers/" + busiest.getKey() + "/feedback?limit=100", true);
        List<Instant> dates = new ArrayList<>();
        history.get("items").forEach(entry -> dates.add(Instant.parse(entry.get("submittedAt").asText())));
        assertThat(dates).containsExactlyElementsOf(busiest.getValue().stream().map(Answer::givenAt)
                .sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
