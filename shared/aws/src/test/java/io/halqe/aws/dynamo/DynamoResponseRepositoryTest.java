package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import io.halqe.domain.analytics.Match;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoResponseRepositoryTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoResponseRepository responses;

    @BeforeAll
    static void start() {
        responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
    }

    private static Response response(String id, String survey, int nps, Instant at) {
        return new Response(id, survey, 1, Map.of("nps", new Answer.Score(QuestionType.NPS, nps),
                "comment", new Answer.Text("تحویل دیر بود"), "pick", new Answer.Choices(List.of("a", "b"))),
                "fa", at, ResponseStatus.RECEIVED, null, Map.of("plan", "pro", "orderId", "A-1"), "cust-1", "inv-" + id, false);
    }

    @Test
    void insertIfAbsent_shouldStoreOnceAndReturnTheFirst_whenIdRepeats() {
        // GIVEN a stored response
        Response first = response("r-insert", "s-insert", 3, AT);
        assertThat(responses.insertIfAbsent(first)).isEmpty();
        // WHEN another with the same id is inserted
        var existing = responses.insertIfAbsent(response("r-insert", "s-insert", 9, AT));
        // THEN the first is returned and kept, answers round-tripping with their types
        assertThat(existing).contains(first);
        assertThat(responses.find("r-insert")).contains(first);
    }

    @Test
    void historicalMark_shouldSurviveEnrichment_andBeStoredOnlyOnImportedAnswers() {
        // GIVEN an answer imported with its original date, and one given here
        Response live = response("r-live", "s-hist", 9, AT);
        Response old = response("r-old", "s-hist", 3, AT.minusSeconds(86_400 * 90));
        Response imported = new Response(old.id(), old.surveyId(), old.surveyVersion(), old.answers(), old.language(),
                old.submittedAt(), old.status(), null, Map.of(), "cust-1", null, false, true);
        responses.insertIfAbsent(live);
        responses.insertIfAbsent(imported);
        // WHEN the imported one is enriched
        responses.markEnriched(imported, new Enrichment(3, NpsCategory.DETRACTOR, null, "fa", 0, "neutral", 0, List.of(),
                null, List.of(), List.of(), null, List.of(), List.of(), null, AT));
        // THEN it reads back historical, dated as it was given; the live one is not, and carries no such attribute
        assertThat(responses.find("s-hist", "r-old")).hasValueSatisfying(stored -> {
            assertThat(stored.historical()).isTrue();
            assertThat(stored.submittedAt()).isEqualTo(old.submittedAt());
            assertThat(stored.status()).isEqualTo(ResponseStatus.ENRICHED);
        });
        assertThat(responses.find("s-hist", "r-live").orElseThrow().historical()).isFalse();
        assertThat(db.client().getItem(r -> r.tableName(db.tableName("ResponsesTable"))
                .key(ResponseItems.key("s-hist", "r-live"))).item()).doesNotContainKey("historical");
    }

    @Test
    void insertAllIfAbsent_shouldStoreTheNewOnes_andReturnEachStoredOneItMet_acrossTransactionsOfAHundred() {
        // GIVEN two stored answers, one of them a draft (which a complete answer replaces)
        Response stored = response("bulk-3", "s-bulk", 3, AT);
        responses.insertIfAbsent(stored);
        Response draft = new Response("bulk-5", "s-bulk", 1, stored.answers(), "fa", AT, ResponseStatus.DRAFT, null,
                Map.of(), null, null, false);
        responses.insertIfAbsent(draft);
        // WHEN 150 answers are inserted at once, both of those among them
        List<Response> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            batch.add(response("bulk-" + i, "s-bulk", i % 11, AT.plusSeconds(i)));
        }
        List<java.util.Optional<Response>> met = responses.insertAllIfAbsent(batch);
        // THEN the stored answer is met and kept; the draft and every new one are written
        assertThat(met.get(3)).contains(stored);
        assertThat(met.stream().filter(java.util.Optional::isPresent)).hasSize(1);
        assertThat(responses.find("s-bulk", "bulk-3")).contains(stored);
        assertThat(responses.find("s-bulk", "bulk-5")).contains(batch.get(5));
        assertThat(responses.find("s-bulk", "bulk-149")).contains(batch.get(149));
        // AND inserting them all again meets each one
        assertThat(responses.insertAllIfAbsent(batch)).allSatisfy(again -> assertThat(again).isPresent());
    }

    @Test
    void item_shouldBePartitionedBySurveyAndHash_soScoringShardsAreStable() {
        // GIVEN a stored response WHEN its item is read by key
        responses.insertIfAbsent(response("r-key", "s-key", 5, AT));
        var item = db.client().getItem(r -> r.tableName(db.tableName("ResponsesTable"))
                .key(ResponseItems.key("s-key", "r-key"))).item();
        // THEN pk is S#<survey>#<hash partition> and the answer is stored natively
        assertThat(item.get("pk").s()).isEqualTo("S#s-key#" + ResponseItems.partitionOf("r-key"));
        assertThat(item.get("sk").s()).isEqualTo("R#r-key");
        assertThat(item.get("type").s()).isEqualTo("response");
        assertThat(item.get("answers").m().get("nps").m()).containsEntry("type",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("nps"));
    }

    @Test
    void markEnriched_shouldWriteOnlyOnce_whenCalledTwice() {
        // GIVEN a received response
        Response received = response("r-enrich", "s-enrich", 2, AT);
        responses.insertIfAbsent(received);
        Enrichment enrichment = new Enrichment(2, NpsCategory.DETRACTOR, "تحویل دیر بود", "fa", 3, "negative", -0.62,
                List.of("delivery"), "complaint", List.of("تحویل دیر"),
                List.of(new io.halqe.domain.analytics.Match("theme", "تحویل", "delivery")),
                new io.halqe.domain.customers.CustomerProfile("cust-1", "Sara", null, null, "enterprise", "pro", 99.5, null,
                        "owner@example.com", "fa", "Asia/Tehran", Map.of("industry", "retail"), AT),
                List.of("support", "logistics"), List.of("owner@example.com"), "checkout", AT.plusSeconds(1));
        // WHEN enriched twice
        boolean first = responses.markEnriched(received, enrichment);
        boolean second = responses.markEnriched(received, new Enrichment(2, NpsCategory.DETRACTOR, "x", "en", 1, "neutral",
                0, List.of(), null, List.of(), List.of(), null, List.of(), List.of(), null, AT));
        // THEN only the first call wrote, and the first enrichment is stored
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Response stored = responses.find("r-enrich").orElseThrow();
        assertThat(stored.status()).isEqualTo(ResponseStatus.ENRICHED);
        assertThat(stored.enrichment()).isEqualTo(enrichment);
    }

    @Test
    void markEnriched_shouldStoreTheCommentOnceEachMatchOnceAndWhoOwnsIt_whenTheCommentIsTheOnlyTextAnswer() {
        // GIVEN a received response whose only text answer is its comment, and an analysis that finds terms repeatedly
        Response received = response("r-compact", "s-compact", 2, AT);
        responses.insertIfAbsent(received);
        Match late = new Match("theme", "تحویل", "delivery");
        Match negative = new Match("sentiment", "دیر", "-0.60");
        Enrichment enrichment = new Enrichment(2, NpsCategory.DETRACTOR, "تحویل دیر بود", "fa", 3, "negative", -0.62,
                List.of("delivery"), "complaint", List.of(), List.of(late, negative, late, late), null, List.of("support"),
                List.of(), null, AT.plusSeconds(1), List.of());
        // WHEN it is enriched
        responses.markEnriched(received, enrichment);
        // THEN the enrichment names the comment's question instead of copying it, stores each distinct match once with
        // its count, and leaves empty lists out
        var stored = db.client().getItem(r -> r.tableName(db.tableName("ResponsesTable"))
                .key(ResponseItems.key("s-compact", "r-compact"))).item().get("enrichment").m();
        assertThat(stored).doesNotContainKeys("comment", "keyPhrases", "owners").containsEntry("commentOf", AttributeValue.fromS("comment"));
        assertThat(stored.get("matches").l()).hasSize(2);
        // AND support, routed the answer for its score alone, is stored as owning none of it
        assertThat(stored.get("owningTeams").l()).isEmpty();
        // AND it reads back whole, each repeat beside its first appearance
        Enrichment read = responses.find("r-compact").orElseThrow().enrichment();
        assertThat(read.comment()).isEqualTo("تحویل دیر بود");
        assertThat(read.matches()).containsExactly(late, late, late, negative);
        assertThat(read).usingRecursiveComparison().ignoringFields("matches").isEqualTo(enrichment);
    }

    @Test
    void find_shouldReadAnEnrichmentStoredInTheEarlierFormat_whenTheCommentAndMatchMapsAreStoredWhole() {
        // GIVEN an enriched item as stored before enrichment was compacted: the comment copied, each match a map
        Response received = response("r-earlier", "s-earlier", 2, AT);
        responses.insertIfAbsent(received);
        Map<String, AttributeValue> earlier = Map.of("npsScore", AttributeValue.fromN("2"),
                "npsCategory", AttributeValue.fromS("detractor"), "comment", AttributeValue.fromS("late again"),
                "language", AttributeValue.fromS("en"), "wordCount", AttributeValue.fromN("2"),
                "sentiment", AttributeValue.fromS("negative"), "sentimentScore", AttributeValue.fromN("-0.5"),
                "themes", AttributeValue.fromL(List.of()), "matches", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "kind", AttributeValue.fromS("theme"), "term", AttributeValue.fromS("late"),
                        "detail", AttributeValue.fromS("delivery"))))),
                "enrichedAt", AttributeValue.fromS(AT.toString()));
        db.client().updateItem(r -> r.tableName(db.tableName("ResponsesTable")).key(ResponseItems.key("s-earlier", "r-earlier"))
                .updateExpression("SET enrichment = :e, #status = :enriched")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromM(earlier), ":enriched", AttributeValue.fromS("enriched"))));
        // WHEN it is read
        Enrichment read = responses.find("r-earlier").orElseThrow().enrichment();
        // THEN the stored comment and each match are read as stored
        assertThat(read.comment()).isEqualTo("late again");
        assertThat(read.matches()).containsExactly(new Match("theme", "late", "delivery"));
        assertThat(read.themes()).isEmpty();
    }

    @Test
    void listBySurvey_shouldPageNewestFirstWithoutGapsOrRepeats_whenCursorIsFollowed() {
        // GIVEN 25 responses of one survey and one of another
        for (int i = 0; i < 25; i++) {
            responses.insertIfAbsent(response("r-page-" + i, "s-page", i % 11, AT.plusSeconds(i)));
        }
        responses.insertIfAbsent(response("r-other", "s-page-other", 1, AT));
        // WHEN listed 10 at a time
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = responses.listBySurvey("s-page", 10, cursor);
            page.items().forEach(r -> seen.add(r.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        // THEN all 25 come once, newest first
        Set<String> unique = new HashSet<>(seen);
        assertThat(seen).hasSize(25);
        assertThat(unique).hasSize(25).doesNotContain("r-other");
        assertThat(seen.get(0)).isEqualTo("r-page-24");
    }

    @Test
    void listBySurvey_shouldRejectTheCursor_whenItIsForged() {
        assertThatThrownBy(() -> responses.listBySurvey("s-page", 10, "not-a-cursor"))
                .isInstanceOf(io.halqe.domain.core.InvalidCursorException.class);
        String otherSurveys = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"pk\":\"a\",\"sk\":\"b\",\"surveyId\":\"elsewhere\",\"submittedKey\":\"c\"}".getBytes());
        assertThatThrownBy(() -> responses.listBySurvey("s-page", 10, otherSurveys))
                .isInstanceOf(io.halqe.domain.core.InvalidCursorException.class);
    }

    @Test
    void find_shouldReadByKeyAndLeaveTheIdIndexAlone_whenTheIdNamesItsSurvey() {
        // GIVEN a response whose id names its survey, and one whose id is from before ids did
        String scoped = io.halqe.domain.response.ResponseIds.random("s-scoped");
        Response named = response(scoped, "s-scoped", 8, AT);
        Response legacy = response("0b6f3c2e-legacy", "s-scoped", 4, AT);
        responses.insertIfAbsent(named);
        responses.insertIfAbsent(legacy);
        // WHEN each is found by its id alone
        // THEN both are found; only the older form has an entry in the byId index (a new answer writes none)
        assertThat(responses.find(scoped)).contains(named);
        assertThat(responses.find("0b6f3c2e-legacy")).contains(legacy);
        var indexed = db.client().scan(r -> r.tableName(db.tableName("ResponsesTable")).indexName("byId")).items();
        assertThat(indexed).extracting(item -> item.get("sk").s()).contains("R#0b6f3c2e-legacy")
                .doesNotContain("R#" + scoped);
        // and an id naming a survey it is not stored under is not found
        assertThat(responses.find(io.halqe.domain.response.ResponseIds.random("s-elsewhere"))).isEmpty();
    }

    @Test
    void find_shouldBeEmpty_whenIdIsUnknown() {
        assertThat(responses.find("nobody")).isEmpty();
    }

    @Test
    void draft_shouldBeReplacedByTheCompleteResponse_andNeverReplaceASubmittedOne() {
        // GIVEN a draft (partial answers in progress)
        Response draft = new Response("r-draft", "s-draft", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 3)), "en", AT,
                ResponseStatus.DRAFT, null, Map.of(), null, null, false);
        assertThat(responses.insertIfAbsent(draft)).isEmpty();
        assertThat(responses.abandonedDrafts(AT.plus(io.halqe.domain.response.FinalizeDrafts.DRAFT_TIMEOUT), 10))
                .extracting(Response::id).contains("r-draft");
        // WHEN the complete response arrives under the same id
        Response complete = response("r-draft", "s-draft", 3, AT.plusSeconds(60));
        assertThat(responses.insertIfAbsent(complete)).isEmpty();
        // THEN it replaced the draft, left the draft index, and a later draft cannot overwrite it
        assertThat(responses.find("r-draft").orElseThrow().status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(responses.abandonedDrafts(AT.plusSeconds(86400), 10)).extracting(Response::id).doesNotContain("r-draft");
        assertThat(responses.insertIfAbsent(draft)).contains(complete);
        assertThat(responses.finalizeDraft(draft)).isFalse();
    }

    @Test
    void abandonedDraft_shouldBeFinalizedOnceAsPartial_whenItsTimeoutHasPassed() {
        Response draft = new Response("r-left", "s-left", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 10)), "fa", AT,
                ResponseStatus.DRAFT, null, Map.of("plan", "pro"), null, null, false);
        responses.insertIfAbsent(draft);
        assertThat(responses.abandonedDrafts(AT.plusSeconds(60), 10)).extracting(Response::id).doesNotContain("r-left");
        var due = responses.abandonedDrafts(AT.plus(io.halqe.domain.response.FinalizeDrafts.DRAFT_TIMEOUT), 10);
        assertThat(due).extracting(Response::id).contains("r-left");
        assertThat(responses.finalizeDraft(draft)).isTrue();
        assertThat(responses.finalizeDraft(draft)).isFalse();
        Response finalized = responses.find("r-left").orElseThrow();
        assertThat(finalized.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(finalized.partial()).isTrue();
        assertThat(finalized.hidden()).containsEntry("plan", "pro");
        assertThat(responses.abandonedDrafts(AT.plusSeconds(86400), 10)).extracting(Response::id).doesNotContain("r-left");
    }
}
