package io.halqe.domain.enrichment;

import io.halqe.domain.response.NpsCategory;

import io.halqe.domain.response.Enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.halqe.domain.analytics.Analyzer;
import io.halqe.domain.analytics.FeedbackType;
import io.halqe.domain.analytics.Match;
import io.halqe.domain.analytics.Sentiment;
import io.halqe.domain.analytics.TextAnalysis;
import io.halqe.domain.analytics.TextAnalyzer;
import io.halqe.domain.analytics.ThemeTaxonomy;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.fakes.InMemoryDirectory;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.routing.Routes;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichResponsesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final List<DomainEvent> published = new ArrayList<>();
    private final List<Map<String, Object>> routed = new ArrayList<>();
    private final EnrichResponses enrich = new EnrichResponses(responses, published::addAll, ANALYZER, directory,
            (detail, owner) -> {
                routed.add(detail);
                boolean detractor = "detractor".equals(detail.get("npsCategory"));
                return new Routes(detractor ? List.of("support") : List.of(), owner == null ? List.of() : List.of(owner),
                        detractor ? List.of("detractors-to-support") : List.of());
            },
            new InMemorySurveys(DemoSurveys.demoNps()));

    private Response received(String id, int nps, String comment, String customerId) {
        Response response = new Response(id, "demo-nps", 1,
                Map.of("nps", new Answer.Score(QuestionType.NPS, nps), "comment", new Answer.Text(comment)), "en", NOW,
                ResponseStatus.RECEIVED, null, Map.of("plan", "pro"), customerId, null, false);
        responses.insertIfAbsent(response);
        return response;
    }

    private static CustomerProfile customer(String id, String segment) {
        return new CustomerProfile(id, "Sara", "sara@example.com", null, segment, "pro", 1200.0, "MENA",
                "owner@example.com", "fa", "Asia/Tehran", Map.of("industry", "retail"), NOW.minusSeconds(3600));
    }

    @Test
    void enrich_shouldAnalyseSnapshotTheCustomerRouteAndPublish_whenAResponseIsNew() {
        // GIVEN a known customer and their detractor answer with a Persian comment about a late delivery
        directory.upsert(customer("c-1", "enterprise"));
        Response response = received("r1", 3, "ارسال خیلی دیر بود و پیک جواب نداد", "c-1");
        // WHEN enriched
        enrich.enrich(List.of(response), NOW);
        // THEN the stored response carries the analysis, the profile as it was, and the routing
        Response stored = responses.stored.get("r1");
        assertThat(stored.status()).isEqualTo(ResponseStatus.ENRICHED);
        Enrichment enrichment = stored.enrichment();
        assertThat(enrichment.language()).isEqualTo("fa");
        assertThat(enrichment.sentiment()).isEqualTo("negative");
        assertThat(enrichment.themes()).contains("delivery");
        assertThat(enrichment.matches()).isNotEmpty();
        assertThat(enrichment.customer().id()).isEqualTo("c-1");
        assertThat(enrichment.customer().segment()).isEqualTo("enterprise");
        assertThat(enrichment.customer().attributes()).containsEntry("industry", "retail").containsEntry("health", "detractor");
        assertThat(enrichment.teams()).containsExactly("support");
        assertThat(enrichment.owners()).containsExactly("owner@example.com");
        // AND routing saw the customer's segment, and the event says all of it
        assertThat(routed.get(0)).containsEntry("npsCategory", "detractor");
        assertThat(routed.get(0).get("customer")).isInstanceOfSatisfying(Map.class,
                customer -> assertThat(customer.get("segment")).isEqualTo("enterprise"));
        assertThat(published).singleElement().isInstanceOfSatisfying(ResponseEnriched.class, event -> {
            assertThat(event.npsCategory()).isEqualTo("detractor");
            assertThat(event.themes()).contains("delivery");
            assertThat(event.customer().id()).isEqualTo("c-1");
            assertThat(event.teams()).containsExactly("support");
        });
        // AND the customer's history has the answer, and their health is stored
        assertThat(directory.histories.get("c-1")).containsKey("r1");
        assertThat(directory.health.get("c-1").segment()).isEqualTo("detractor");
    }

    @Test
    void enrich_shouldTakeTheWiredAnalyzersReading_whenAnotherAnalyzerIsPlugged() {
        // GIVEN an analyzer behind the port that answers as a model would, and records what it was asked
        List<String> asked = new ArrayList<>();
        Analyzer model = (text, fallbackLanguage, nps, taxonomy) -> {
            asked.add(text + "|" + fallbackLanguage + "|" + nps + "|" + taxonomy.themes().size());
            return new TextAnalysis("en", Sentiment.NEGATIVE, -0.8, List.of("price"), FeedbackType.COMPLAINT,
                    List.of("too expensive"), List.of(new Match("model", "test-model", "decided")));
        };
        EnrichResponses withModel = new EnrichResponses(responses, published::addAll, model, directory,
                (detail, owner) -> new Routes(List.of(), List.of(), List.of()), new InMemorySurveys(DemoSurveys.demoNps()));
        // WHEN an answer is enriched
        withModel.enrich(List.of(received("m1", 4, "costs too much", null)), NOW);
        // THEN the model was asked with the comment, language, score and taxonomy, and its reading is stored and told
        assertThat(asked).containsExactly("costs too much|en|4|" + ThemeTaxonomy.defaults().themes().size());
        Enrichment enrichment = responses.stored.get("m1").enrichment();
        assertThat(enrichment.themes()).containsExactly("price");
        assertThat(enrichment.feedbackType()).isEqualTo("complaint");
        assertThat(enrichment.matches()).containsExactly(new Match("model", "test-model", "decided"));
        assertThat(published).singleElement().isInstanceOfSatisfying(ResponseEnriched.class,
                event -> assertThat(event.sentimentScore()).isEqualTo(-0.8));
    }

    @Test
    void enrich_shouldLookCustomersUpOncePerBatch_andSkipUnknownOnes() {
        directory.upsert(customer("c-1", "smb"));
        directory.upsert(customer("c-2", "smb"));
        List<Response> batch = List.of(received("a", 9, "great support", "c-1"), received("b", 2, "too expensive", "c-2"),
                received("c", 5, "ok", "c-404"), received("d", 8, "fine", null));
        enrich.enrich(batch, NOW);
        assertThat(directory.batchLookups).isEqualTo(1);
        assertThat(responses.stored.get("c").enrichment().customer()).isNull();
        assertThat(responses.stored.get("d").enrichment().customer()).isNull();
        assertThat(directory.histories).containsOnlyKeys("c-1", "c-2");
        assertThat(published).hasSize(4);
    }

    @Test
    void enrich_shouldPublishAgainButWriteOnce_whenRecordIsRedelivered() {
        Response response = received("r2", 10, "great", null);
        enrich.enrich(List.of(response), NOW);
        var firstEnrichment = responses.stored.get("r2").enrichment();
        enrich.enrich(List.of(response), NOW.plusSeconds(60));
        assertThat(responses.stored.get("r2").enrichment()).isEqualTo(firstEnrichment);
        assertThat(published).hasSize(2);
    }

    @Test
    void npsCategory_shouldFollowTheStandardCutoffs() {
        assertThat(NpsCategory.of(6)).isEqualTo(NpsCategory.DETRACTOR);
        assertThat(NpsCategory.of(7)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(8)).isEqualTo(NpsCategory.PASSIVE);
        assertThat(NpsCategory.of(9)).isEqualTo(NpsCategory.PROMOTER);
    }

    @Test
    void enrich_shouldClaimNoIdentity_whenAnUnsignedHiddenFieldNamesACustomer() {
        // GIVEN a known customer, and an anonymous answer whose page carried customerId=c-1 unsigned
        directory.upsert(customer("c-1", "enterprise"));
        Response forged = new Response("r-forged", "demo-nps", 1,
                Map.of("nps", new Answer.Score(QuestionType.NPS, 0), "comment", new Answer.Text("terrible")), "en", NOW,
                ResponseStatus.RECEIVED, null, Map.of("customerId", "c-1"), null, null, false);
        responses.insertIfAbsent(forged);
        // WHEN enriched
        enrich.enrich(List.of(forged), NOW);
        // THEN the answer stays anonymous: no profile, no history for c-1
        assertThat(responses.stored.get("r-forged").enrichment().customer()).isNull();
        assertThat(directory.histories).doesNotContainKey("c-1");
    }

    @Test
    void enrich_shouldMarkOnlyTheAnswersAnAlertRuleMatches_whenTheRulesAreGiven() {
        // GIVEN alert rules that match detractors only
        EnrichResponses marking = new EnrichResponses(responses, published::addAll, ANALYZER, directory,
                (detail, owner) -> new Routes(List.of(), List.of(), List.of()), new InMemorySurveys(DemoSurveys.demoNps()),
                event -> "detractor".equals(event.npsCategory()));
        // WHEN a detractor's and a promoter's answers are enriched
        marking.enrich(List.of(received("r-d", 2, "it broke after a week", null), received("r-p", 10, "great", null)), NOW);
        // THEN only the detractor's event is marked alerting: the bus delivers only it to the alerts function
        assertThat(published).map(event -> (ResponseEnriched) event)
                .extracting(ResponseEnriched::responseId, ResponseEnriched::alerting)
                .containsExactly(tuple("r-d", true), tuple("r-p", false));
    }

    @Test
    void enrich_shouldMarkEveryAnswerAlerting_whenNoRulesAreGiven() {
        // GIVEN the enrichment built without alert rules (the alerts function then holds every answer against them)
        // WHEN a promoter's answer is enriched
        enrich.enrich(List.of(received("r-p", 10, "great", null)), NOW);
        // THEN it is marked alerting, so no match can be lost
        assertThat(((ResponseEnriched) published.get(0)).alerting()).isTrue();
    }

    @Test
    void enrich_shouldAnalyseAndKeepTheHistoryButMarkNothingAlerting_whenTheAnswerIsHistorical() {
        // GIVEN rules that match every detractor, a known customer, and their detractor answer imported from three
        // months before, with a comment about a late delivery
        EnrichResponses marking = new EnrichResponses(responses, published::addAll, ANALYZER, directory,
                (detail, owner) -> new Routes(List.of("support"), List.of(), List.of("support")),
                new InMemorySurveys(DemoSurveys.demoNps()), event -> "detractor".equals(event.npsCategory()));
        directory.upsert(customer("c-1", "enterprise"));
        Instant given = NOW.minus(java.time.Duration.ofDays(90));
        Response imported = new Response("r-old", "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 1),
                "comment", new Answer.Text("the delivery was late again")), "en", given, ResponseStatus.RECEIVED, null,
                Map.of(), "c-1", null, false, true);
        responses.insertIfAbsent(imported);
        // WHEN it is enriched
        marking.enrich(List.of(imported), NOW);
        // THEN it is analysed and goes into the customer's history at its own date
        assertThat(responses.stored.get("r-old").enrichment().themes()).contains("delivery");
        assertThat(directory.histories.get("c-1").values()).singleElement()
                .satisfies(entry -> assertThat(entry.submittedAt()).isEqualTo(given));
        // AND its event says it is historical and is not alerting, though a rule matches it
        assertThat(published).singleElement().satisfies(event -> {
            ResponseEnriched enriched = (ResponseEnriched) event;
            assertThat(enriched.historical()).isTrue();
            assertThat(enriched.alerting()).isFalse();
            assertThat(enriched.submittedAt()).isEqualTo(given);
        });
    }

    @Test
    void enrich_shouldReadImportedAnswersWithTheBuiltInAnalyzer_whenAModelReadsTheOthers() {
        // GIVEN a model behind the port that records what it is asked, and the built-in analyzer for imported answers
        List<String> asked = new ArrayList<>();
        Analyzer model = (text, fallbackLanguage, nps, taxonomy) -> {
            asked.add(text);
            return ANALYZER.analyze(text, fallbackLanguage, nps, taxonomy);
        };
        EnrichResponses withModel = new EnrichResponses(responses, published::addAll, model, ANALYZER, directory,
                (detail, owner) -> new Routes(List.of(), List.of(), List.of()), new InMemorySurveys(DemoSurveys.demoNps()),
                event -> true);
        Response imported = new Response("r-imported", "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 3),
                "comment", new Answer.Text("from years ago")), "en", NOW.minusSeconds(86_400 * 400),
                ResponseStatus.RECEIVED, null, Map.of(), null, null, false, true);
        responses.insertIfAbsent(imported);
        // WHEN an answer given today and an imported one are enriched together
        withModel.enrich(List.of(received("r-today", 3, "given today", null), imported), NOW);
        // THEN only today's went to the model: the import spends none of its budget, and both are analysed
        assertThat(asked).containsExactly("given today");
        assertThat(responses.stored.get("r-imported").enrichment().language()).isEqualTo("en");
    }

    @Test
    void enrich_shouldKeepBothAnswersInTheHealth_whenAnotherEnrichmentWritesItMeanwhile() {
        // GIVEN a known customer, and a parallel batch that stores a promoter answer of theirs in the health just
        // after this batch has read it (as two lanes of an import would)
        InMemoryDirectory racing = new InMemoryDirectory();
        racing.afterLookup = () -> {
            racing.afterLookup = () -> { };
            assertThat(racing.replaceHealth(io.halqe.domain.customers.CustomerHealth.next(null, "c-9", "r-other",
                    NOW.minusSeconds(60), 10, false, 1200.0), 0)).isTrue();
        };
        racing.upsert(customer("c-9", "enterprise"));
        EnrichResponses enrichRacing = new EnrichResponses(responses, published::addAll, ANALYZER, racing,
                (detail, owner) -> new Routes(List.of(), List.of(), List.of()), new InMemorySurveys(DemoSurveys.demoNps()));
        // WHEN this batch enriches the customer's detractor answer
        enrichRacing.enrich(List.of(received("r-this", 2, "The invoice was wrong again", "c-9")), NOW);
        // THEN the stored health remembers both answers, not only the last writer's
        assertThat(racing.health.get("c-9").recent()).extracting(io.halqe.domain.customers.CustomerHealth.Answered::responseId)
                .containsExactly("r-this", "r-other");
        assertThat(racing.healthVersions.get("c-9")).isEqualTo(2L);
    }

    @Test
    void enrich_shouldStoreEveryOtherAnswerAndPublishNothing_whenOneUpdateFailsAmongParallelWrites() {
        // GIVEN an enrichment writing four answers at a time, and a store that refuses one answer's update once
        java.util.Set<String> refusedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        io.halqe.domain.response.ResponseRepository flaky = (io.halqe.domain.response.ResponseRepository)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.halqe.domain.response.ResponseRepository.class}, (proxy, method, args) -> {
                            if (method.getName().equals("markEnriched") && ((Response) args[0]).id().equals("r-5")
                                    && refusedOnce.add("r-5")) {
                                throw new IllegalStateException("throttled");
                            }
                            return method.invoke(responses, args);
                        });
        EnrichResponses parallel = new EnrichResponses(flaky, published::addAll, ANALYZER, ANALYZER, directory,
                (detail, owner) -> new Routes(List.of(), List.of(), List.of()), new InMemorySurveys(DemoSurveys.demoNps()),
                event -> false, 4);
        List<Response> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(received("r-" + i, i % 11, "delivery was late " + i, null));
        }
        // WHEN the batch is enriched
        // THEN the refusal fails the batch, but only after the other eleven answers were stored as enriched; nothing
        // is published yet
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parallel.enrich(batch, NOW)).hasMessage("throttled");
        assertThat(batch).filteredOn(response -> responses.stored.get(response.id()).status() == ResponseStatus.ENRICHED)
                .extracting(Response::id).hasSize(11).doesNotContain("r-5");
        assertThat(published).isEmpty();
        // AND WHEN the batch is retried, as the stream retries it
        parallel.enrich(batch, NOW);
        // THEN every answer is enriched and published once, in the batch's order
        assertThat(batch).allSatisfy(response -> assertThat(responses.stored.get(response.id()).status())
                .isEqualTo(ResponseStatus.ENRICHED));
        assertThat(published).map(event -> ((ResponseEnriched) event).responseId())
                .containsExactlyElementsOf(batch.stream().map(Response::id).toList());
    }
}
