package io.halqe.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.halqe.local.ListPrices;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudOptions;
import io.halqe.local.Usage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an answer costs on AWS, counted by the local cloud ({@link LocalCloud#usage}) over the whole pipeline — the
 * hosted survey's POST, the Responses stream to enrichment, ResponseEnriched on the bus to the alerts function (for
 * the answers a rule matches), the stream to scoring — and priced at {@link ListPrices}, SES aside (issue 16).
 * <p>A burst of 100 anonymous answers at the realistic mix (20% detractors, 30% passives, 50% promoters; short
 * comments in English, Persian and Arabic, many none) is submitted, then the pipeline runs: the streams hand it to
 * enrichment and scoring in batches, as Lambda's poller would a burst. A trickle (each answer alone in its batches)
 * is measured too and shown. Lambda duration is not measured time, which varies from run to run, but a stated
 * {@link #BILLED} duration per function; the cost at the measured durations is shown beside it.
 */
class CostPerAnswerTest {

    private static final int ANSWERS = 100;
    private static final int TRICKLE = 10;
    /** Issue 16's target per 1M answers: $5 and at most twice the floor. Not met yet: shown, not asserted. */
    private static final double TARGET_DOLLARS = 5.00;
    /**
     * The bound met, per 1M answers, with room for the burst's scoring batches (their number follows how fast
     * enrichment writes, 8 to 40 here). Measured $8.8 on 2026-12-05, DynamoDB writes $3.6 of it (5.7 units an
     * answer: 2 by the submission, 1.1 by enrichment, 2.4 by the alerts of the 45% a rule matches), Lambda $2.9,
     * EventBridge $1.2, HTTP API $1.0 ($9.1 on 2026-12-04, when enrichment wrote its batch one answer at a time;
     * $9.8 on 2026-12-02, when every anonymous answer wrote its source's counter).
     * Lower it as the pipeline gets cheaper.
     */
    private static final double BOUND_MET_DOLLARS = 10.00;
    private static final String SUBMISSION = "SubmissionFunction";
    private static final String ENRICHMENT = "EnrichmentFunction";
    private static final String SCORING = "ScoringFunction";
    private static final String ALERTS = "AlertsFunction";

    /** Billed milliseconds: per invocation, plus per stream record it handles. */
    record Billed(double perInvocation, double perRecord) {
    }

    /**
     * Conservative warm durations on arm64 at the template's 1 GB: 100 ms an invocation (an answer's submission is
     * one conditional write; an alert a case, a claim, an email, an SNS publish and a completion), and a
     * stream batch 20 ms more for each record it handles (enrichment's analysis takes ~0.01 ms a comment,
     * README "Speed"; the rest is one write per record, ~5-10 ms on DynamoDB).
     */
    private static final Map<String, Billed> BILLED = Map.of(SUBMISSION, new Billed(100, 0), ENRICHMENT,
            new Billed(100, 20), SCORING, new Billed(100, 20), ALERTS, new Billed(100, 0));

    private static LocalCloud cloud;
    private static Usage.Snapshot burst;
    private static List<JsonNode> burstEnriched;
    private static Usage.Snapshot trickle;

    @BeforeAll
    static void run() {
        // each answer from a visitor of its own, as in life (AnonymousAnswers), under the stack's per-source limit
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
                .withAnswerLog(io.halqe.local.openapi.RecordedAnswers.newLog()).withBackground(false));
        // warm environments and the hour's first writes (storm counters, days): a million answers amortise them
        for (int i = 0; i < 10; i++) {
            answer(i);
        }
        cloud.drain();
        cloud.resetUsage();
        int eventsBefore = cloud.bus().events().size();
        for (int i = 0; i < ANSWERS; i++) {
            answer(i);
        }
        cloud.drain();
        burst = cloud.usage();
        burstEnriched = cloud.bus().events().stream().skip(eventsBefore)
                .filter(event -> event.path("detail-type").asText().equals("ResponseEnriched")).toList();
        cloud.resetUsage();
        for (int i = 0; i < TRICKLE; i++) {
            answer(i);
            cloud.drain();
        }
        trickle = cloud.usage();
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void realisticMix_shouldCostAtMostTheBoundMetSoFar_perMillionAnswers() {
        // GIVEN a burst of 100 answers at the realistic mix, through the whole pipeline (run once, above)
        // WHEN its calls are priced at the list prices, SES aside
        List<ListPrices.Line> bill = ListPrices.bill(burst, billedMillis(burst, ANSWERS));
        double perMillion = ListPrices.total(bill) / ANSWERS * 1e6;
        double floor = ListPrices.floorPerAnswer() * 1e6;
        print("burst of " + ANSWERS + " (stream batches of up to " + batchSize() + ")", burst, ANSWERS, bill);
        List<ListPrices.Line> trickled = ListPrices.bill(trickle, billedMillis(trickle, TRICKLE));
        print("trickle of " + TRICKLE + " (each answer alone in its stream batches)", trickle, TRICKLE, trickled);
        // THEN it costs at most the bound met so far (issue 16's $5 and 2x the floor are not met: see the printout)
        System.out.printf("%nissue 16's target, $%.2f and 2x the floor ($%.2f) per 1M answers: %s ($%.2f)%n",
                TARGET_DOLLARS, 2 * floor, perMillion <= Math.min(TARGET_DOLLARS, 2 * floor) ? "met" : "NOT met",
                perMillion);
        assertThat(floor).isCloseTo(2.49, org.assertj.core.data.Offset.offset(0.01));
        assertThat(perMillion).as("$ per 1M answers").isLessThanOrEqualTo(BOUND_MET_DOLLARS);
    }

    @Test
    void alerts_shouldRunOnlyForTheAnswersARuleMatches() {
        // GIVEN the default rules: detractors, promoters' praise, suggestions and bugs
        // WHEN the burst went through (above)
        long matched = burstEnriched.stream().filter(event -> event.path("detail").path("alerting").asBoolean()).count();
        // THEN each enriched answer is marked as the default rules say, and the alerts function ran for those alone
        assertThat(burstEnriched).hasSize(ANSWERS).allSatisfy(event -> assertThat(event.path("detail").path("alerting")
                .asBoolean()).as("%s", event.path("detail")).isEqualTo(matchesDefaultRules(event.path("detail"))));
        assertThat(matched).isGreaterThanOrEqualTo(ANSWERS / 5).isLessThan(ANSWERS / 2);
        assertThat(burst.invocations(ALERTS)).isEqualTo(matched);
    }

    @Test
    void lambda_shouldRunOncePerAnswerOverHttp_andEnrichAndScoreABurstInBatches() {
        // GIVEN the burst (above)
        // WHEN its invocations are counted
        // THEN one HTTP request and one submission per answer; enrichment batched (the burst is in the stream when
        // it is read), scoring at most once per answer (it gets enrichment's writes as they come); nothing else ran
        assertThat(burst.httpRequests()).isEqualTo(ANSWERS);
        assertThat(burst.invocations(SUBMISSION)).isEqualTo(ANSWERS);
        assertThat(burst.invocations(ENRICHMENT)).isBetween(1L, (long) ANSWERS / 10);
        assertThat(burst.invocations(SCORING)).isBetween(1L, (long) ANSWERS);
        assertThat(burst.invocations().keySet()).isSubsetOf(Set.of(SUBMISSION, ENRICHMENT, SCORING, ALERTS));
        System.out.printf("Lambda invocations per answer: %.2f (submission 1, enrichment %.2f, scoring %.2f, alerts %.2f)%n",
                (double) burst.totalInvocations() / ANSWERS, (double) burst.invocations(ENRICHMENT) / ANSWERS,
                (double) burst.invocations(SCORING) / ANSWERS, (double) burst.invocations(ALERTS) / ANSWERS);
        // and a trickle: each answer enriched and scored alone
        assertThat(trickle.invocations(ENRICHMENT)).isEqualTo(TRICKLE);
        assertThat(trickle.invocations(SCORING)).isEqualTo(TRICKLE);
        // the local cloud saw every write and read the functions made
        assertThat(burst.dynamoDbTotal().write()).isGreaterThanOrEqualTo(5.0 * ANSWERS);
        assertThat(burst.dynamoDb().get(SUBMISSION).write()).isGreaterThan(0);
        // and every call: an anonymous answer, its visitor's first this minute, is one call, its conditional put
        // (the survey is kept 30 seconds, the per-source limit counts a source's answers from its second); the
        // survey is read again for each 30 seconds the burst lasts on a slow machine
        assertThat(burst.dynamoDb().get(SUBMISSION).calls()).isBetween((long) ANSWERS, ANSWERS + 3L);
        System.out.printf("DynamoDB calls per answer: %.2f%n", (double) burst.dynamoDbTotal().calls() / ANSWERS);
    }

    /** The default rules (AlertRules.defaults), held against an enriched answer's detail. */
    private static boolean matchesDefaultRules(JsonNode detail) {
        String category = detail.path("npsCategory").asText();
        String type = detail.path("feedbackType").asText();
        return category.equals("detractor") || category.equals("promoter") && type.equals("praise")
                || type.equals("suggestion") || type.equals("bug");
    }

    /** The stated duration: per invocation, plus per record for the stream functions (each answer is one record). */
    private static ToDoubleFunction<String> billedMillis(Usage.Snapshot usage, int answers) {
        return function -> {
            Billed billed = BILLED.getOrDefault(function, new Billed(100, 0));
            return usage.invocations(function) * billed.perInvocation() + answers * billed.perRecord();
        };
    }

    /** Measured wall time, each invocation rounded up to the next millisecond (at most 1 ms each). */
    private static ToDoubleFunction<String> measuredMillis(Usage.Snapshot usage) {
        return function -> {
            Usage.Invocations invocations = usage.invocations().get(function);
            return invocations == null ? 0 : invocations.measuredNanos() / 1e6 + invocations.count();
        };
    }

    private static Object batchSize() {
        return cloud.template().functions().stream().filter(function -> function.logicalId().equals(SCORING))
                .flatMap(function -> function.events().stream()).filter(event -> event.type().equals("DynamoDB"))
                .map(event -> event.properties().get("BatchSize")).findFirst().orElse("?");
    }

    private static void print(String what, Usage.Snapshot usage, int answers, List<ListPrices.Line> bill) {
        double total = ListPrices.total(bill) / answers * 1e6;
        double floor = ListPrices.floorPerAnswer() * 1e6;
        System.out.printf("%nCost per answer, %s, list prices of %s (us-east-1):%n", what, ListPrices.AS_OF);
        System.out.printf("  %-44s %12s %14s%n", "service", "per answer", "$ per 1M");
        for (ListPrices.Line line : bill) {
            System.out.printf("  %-44s %12.3f %14.3f%n", line.service(), line.units() / answers,
                    line.dollars() / answers * 1e6);
        }
        System.out.printf("  %-44s %12s %14.3f  (floor %.3f: %.2fx; target $%.2f)%n", "total, SES aside", "", total,
                floor, total / floor, TARGET_DOLLARS);
        usage.invocations().forEach((function, invocations) -> System.out.printf(
                "    %-22s %5d invocations, billed %6.1f ms each, measured %6.1f ms each%n", function,
                invocations.count(), billedMillis(usage, answers).applyAsDouble(function) / invocations.count(),
                invocations.measuredNanos() / 1e6 / invocations.count()));
        usage.dynamoDb().forEach((function, units) -> System.out.printf(
                "    %-22s %6.2f WRU, %6.2f RRU, %5.2f calls per answer, %d writes refused%n", function,
                units.write() / answers, units.read() / answers, (double) units.calls() / answers,
                units.refusedWrites()));
        System.out.printf("  at the measured durations: $%.3f per 1M answers%n",
                ListPrices.total(ListPrices.bill(usage, measuredMillis(usage))) / answers * 1e6);
        System.out.printf("  SES, outside the figure: %.3f emails per answer, $%.2f per 1M answers%n",
                (double) usage.sesSends() / answers, ListPrices.ses(usage) / answers * 1e6);
        System.out.printf("  EventBridge entries %.2f, SNS publishes %.2f per answer%n",
                (double) usage.eventEntries() / answers, (double) usage.snsPublishes() / answers);
    }

    /** Answer {@code i} of the mix: of every ten, two detractors, three passives, five promoters. */
    private static void answer(int i) {
        int slot = i % 10;
        int round = i / 10;
        String[] detractors = {"The parcel came late and support never called back", "بسته دیر رسید و پشتیبانی جواب نداد",
                "الطلب وصل متأخراً ولم يرد الدعم", null, "Nobody answered my emails"};
        String[] passives = {"It was okay, delivery took a while", "خوب بود ولی کمی گران", null, "جيد لكن التوصيل بطيء",
                null, "Fine"};
        String[] promoters = {"Great service, thank you so much!", null, "عالی بود، ممنون", null, "خدمة ممتازة، شكراً",
                null, "Fast delivery", null};
        if (slot < 2) {
            post(round % 7, detractors[(round * 2 + slot) % detractors.length]);
        } else if (slot < 5) {
            post(7 + slot % 2, passives[(round * 3 + slot) % passives.length]);
        } else {
            post(9 + slot % 2, promoters[(round * 5 + slot) % promoters.length]);
        }
    }

    private static void post(int nps, String comment) {
        AnonymousAnswers.post(cloud.baseUrl(), nps, comment);
    }
}
