package io.halqe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.dynamo.DynamoAggregateStore;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import io.halqe.domain.response.Answer;
import io.halqe.domain.scoring.ReadMetrics;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.ScoredResponse;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.survey.QuestionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * The scoring path's cost, measured against DynamoDB Local: write capacity units per response at batch size 100
 * (DynamoDB's own consumed-capacity figures for every aggregate write), and the metrics read's latency as the
 * number of responses grows (it reads days, not responses). {@code -Dhalqe.bench.full=true} compares 10k with 1M
 * responses; `mvn verify` runs it reduced (10k vs 100k).
 */
class ScoringCostTest {

    private static final int BATCH = 100;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-01");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoDbClient measured;
    private static final DoubleAdder WRITE_UNITS = new DoubleAdder();

    /** Asks DynamoDB for the consumed capacity of every aggregate write (PutItem) and adds it up. */
    static final class CapacityMeter implements ExecutionInterceptor {
        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return context.request() instanceof PutItemRequest put
                    ? put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build() : context.request();
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof PutItemResponse response && response.consumedCapacity() != null) {
                WRITE_UNITS.add(response.consumedCapacity().capacityUnits());
            }
        }
    }

    @BeforeAll
    static void start() {
        measured = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new CapacityMeter())).build();
    }

    @AfterAll
    static void stop() {
        measured.close();
    }

    /** A realistic response's cells: overall, language, plan, segment, region, touchpoint, one or two teams and themes. */
    private static Set<String> cells(Random random) {
        Set<String> cells = new LinkedHashSet<>(List.of(ScoreResponses.ALL,
                "language=" + List.of("en", "fa", "ar").get(random.nextInt(3)),
                "plan=" + List.of("basic", "pro", "enterprise").get(random.nextInt(3)),
                "segment=" + List.of("smb", "mid-market", "enterprise").get(random.nextInt(3)),
                "region=" + List.of("MENA", "EU", "NA", "APAC").get(random.nextInt(4)), "touchpoint=checkout"));
        List<String> teams = List.of("support", "logistics", "finance", "product", "engineering", "marketing");
        List<String> themes = List.of("delivery", "price", "support", "product_quality", "usability", "billing");
        for (int i = 0; i <= random.nextInt(2); i++) {
            cells.add("team=" + teams.get(random.nextInt(teams.size())));
            cells.add("theme=" + themes.get(random.nextInt(themes.size())));
        }
        return cells;
    }

    private static List<ScoredResponse> batch(String surveyId, Random random, long[] sequences, LocalDate day) {
        List<ScoredResponse> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            int partition = random.nextInt(8);
            batch.add(new ScoredResponse(surveyId, partition, Long.toString(++sequences[partition]), day, cells(random),
                    Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, random.nextInt(11)),
                            "csat", new Answer.Score(QuestionType.CSAT, 1 + random.nextInt(5)),
                            "ces", new Answer.Score(QuestionType.CES, 1 + random.nextInt(7))))));
        }
        return batch;
    }

    @Test
    void scoring_shouldCostAtMostFiveHundredthsOfAWriteUnitPerResponse_atBatchSize100() {
        // GIVEN a survey answered 3,000 times in one day (NPS, CSAT and CES), scored in batches of 100
        ScoreResponses scoring = new ScoreResponses(new DynamoAggregateStore(measured, db.tableName("AggregatesTable")));
        Random random = new Random(7);
        long[] sequences = new long[8];
        int batches = 30;
        WRITE_UNITS.reset();
        // WHEN every batch is folded in
        for (int b = 0; b < batches; b++) {
            scoring.apply(batch("bench-wcu", random, sequences, FIRST_DAY));
        }
        // THEN DynamoDB charged at most 0.05 write units per response
        double perResponse = WRITE_UNITS.sum() / (batches * BATCH);
        System.out.printf("scoring write units per response at batch %d: %.4f (%.1f WCU over %d batches)%n", BATCH,
                perResponse, WRITE_UNITS.sum(), batches);
        assertThat(perResponse).isGreaterThan(0).isLessThanOrEqualTo(0.05);
    }

    @Test
    void metricsRead_shouldTakeAboutAsLong_forTenTimesMoreResponses() {
        // GIVEN two surveys answered over the same 30 days, one ten (or a hundred) times more than the other
        boolean full = Boolean.getBoolean("halqe.bench.full");
        long small = seed("bench-small", 10_000);
        long large = seed("bench-large", full ? 1_000_000 : 100_000);
        ReadMetrics read = new ReadMetrics(new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")));
        // WHEN their 30-day metrics by plan with a weekly series are read repeatedly
        double smallMs = medianMillis(() -> read.read("bench-small", FIRST_DAY, FIRST_DAY.plusDays(29), "plan",
                ReadMetrics.Interval.WEEK));
        double largeMs = medianMillis(() -> read.read("bench-large", FIRST_DAY, FIRST_DAY.plusDays(29), "plan",
                ReadMetrics.Interval.WEEK));
        System.out.printf("metrics read over 30 days: %,d responses %.2f ms, %,d responses %.2f ms%n", small, smallMs,
                large, largeMs);
        // THEN both counted every response, and the larger is no slower than 3x the smaller (it reads the same days)
        assertThat(read.read("bench-large", null, null, null, null).overall().responses()).isEqualTo(large);
        assertThat(largeMs).isLessThan(3 * Math.max(smallMs, 1.0));
    }

    /** Scores {@code responses} answers spread over 30 days, through the real scoring path. */
    private long seed(String surveyId, int responses) {
        ScoreResponses scoring = new ScoreResponses(new DynamoAggregateStore(db.client(), db.tableName("AggregatesTable")));
        Random random = new Random(surveyId.hashCode());
        long[] sequences = new long[8];
        for (int b = 0; b < responses / BATCH; b++) {
            scoring.apply(batch(surveyId, random, sequences, FIRST_DAY.plusDays(b % 30)));
        }
        return (long) responses / BATCH * BATCH;
    }

    private static double medianMillis(Runnable action) {
        for (int i = 0; i < 5; i++) {
            action.run();
        }
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            action.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
