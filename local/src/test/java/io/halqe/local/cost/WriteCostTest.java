package io.halqe.local.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.local.LocalCloud;
import io.halqe.local.LocalCloudOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB write units per answer, through the whole pipeline as it runs — the hosted survey's POST, the Responses
 * stream to enrichment, ResponseEnriched on the bus to the alert rules, the stream to scoring — in the local cloud
 * built from template.yaml (so its index projections), as DynamoDB Local charges them ({@link WriteMeter}). Scoring
 * writes per batch; the mix is scored as Lambda batches it (one stream batch), the single answers in a batch of one,
 * so their figures carry a whole batch's aggregates.
 */
class WriteCostTest {

    /** The aggregates written for one stream batch, whatever its size: the single answers carry it whole. */
    private static final String AGGREGATES = "AggregatesTable";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withBackground(false));
        // the first answer of a survey and hour writes what later ones find (storm counters' hour, days): not measured
        answer(9, "warm-up");
        answer(1, "warm-up, too slow");
        cloud.drain();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void promoter_shouldCostAtMostFourWriteUnits_throughTheWholePipeline() {
        // GIVEN a promoter's answer with a comment
        // WHEN it is submitted, enriched, matched against the alert rules and scored
        WriteMeter.Bill bill = WriteMeter.measure(() -> {
            answer(10, "Great service, fast delivery");
            cloud.drain();
        });
        // THEN DynamoDB charged at most 4 write units, none of them to rewrite an index the enrichment does not change
        report("promoter", bill, 1);
        assertThat(bill.total()).isGreaterThan(0).isLessThanOrEqualTo(4.0 + aggregates(bill));
        assertThat(bill.total() - aggregates(bill)).isLessThanOrEqualTo(4.0 - amortisedAggregates());
    }

    @Test
    void detractor_shouldCostAtMostSevenWriteUnits_throughTheWholePipeline() {
        // GIVEN a detractor's answer with a comment (the default rule opens a case, emails its owner, alerts by SNS)
        // WHEN it goes through the pipeline
        WriteMeter.Bill bill = WriteMeter.measure(() -> {
            answer(2, "The parcel came late and support never called back");
            cloud.drain();
        });
        // THEN its case, its sends' claims and its scoring cost at most 7 write units
        report("detractor", bill, 1);
        assertThat(bill.writes()).anyMatch(write -> write.table().equals("CasesTable") && write.key().equals("CASE"));
        assertThat(bill.total() - aggregates(bill)).isLessThanOrEqualTo(7.0 - amortisedAggregates());
    }

    @Test
    void mix_shouldCostAtMostItsShareOfFourAndSeven_whenScoredInOneBatch() {
        // GIVEN 10 answers: 2 detractors, 3 passives, 5 promoters
        int[] scores = {0, 3, 7, 8, 8, 9, 9, 10, 10, 9};
        // WHEN they are all submitted, then the pipeline runs (scoring gets them as one stream batch)
        WriteMeter.Bill bill = WriteMeter.measure(() -> {
            for (int score : scores) {
                answer(score, "Order " + UUID.randomUUID().toString().substring(0, 8) + " arrived");
            }
            cloud.drain();
        });
        // THEN the answers together cost at most 2 x 7 + 8 x 4 units
        report("mix of 10 (20% detractors, 30% passives, 50% promoters)", bill, scores.length);
        assertThat(bill.total()).isGreaterThan(0).isLessThanOrEqualTo(2 * 7.0 + 8 * 4.0);
    }

    /** Scoring's share per answer at Lambda's batch size of 100 (template's BatchSize), ScoringCostTest's bound. */
    private static double amortisedAggregates() {
        return 0.05;
    }

    private static double aggregates(WriteMeter.Bill bill) {
        return bill.byTableAndIndex().getOrDefault(AGGREGATES, 0.0);
    }

    private static void report(String what, WriteMeter.Bill bill, int answers) {
        System.out.printf("write units for %s: %.2f per answer (%.1f in all; aggregates %.1f per batch; %d writes refused)%n",
                what, bill.total() / answers, bill.total(), aggregates(bill), bill.refused());
        bill.byTableAndIndex().forEach((where, units) -> System.out.printf("  %-32s %5.2f per answer%n", where,
                units / answers));
        bill.byWrite().forEach((write, units) -> System.out.printf("    %-48s %s%n", write, units));
    }

    private static void answer(int nps, String comment) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("answers").put("nps", nps).put("comment", comment);
        try {
            HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(cloud.baseUrl().resolve("/s/demo-nps/responses"))
                    .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
