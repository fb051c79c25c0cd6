package io.halqe.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.customers.CustomerHealth;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryDirectory;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.fakes.InMemorySuppressionList;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EraseCustomerTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryCases cases = new InMemoryCases();
    private final InMemorySuppressionList suppression = new InMemorySuppressionList();
    private final List<Person> askedElsewhere = new ArrayList<>();
    private final PersonalDataStore outreach = new PersonalDataStore() {
        @Override
        public String name() {
            return "outreach";
        }

        @Override
        public int erase(Person person) {
            askedElsewhere.add(person);
            return askedElsewhere.size() == 1 ? 3 : 0;
        }
    };
    private final io.halqe.domain.fakes.InMemoryAggregates aggregates = new io.halqe.domain.fakes.InMemoryAggregates();
    private final EraseCustomer erase = new EraseCustomer(directory, responses, cases, suppression, List.of(outreach),
            new io.halqe.domain.scoring.ForgetResponseCells(aggregates, java.time.ZoneOffset.UTC));

    @BeforeEach
    void aCustomerWithAnAnswerAndACase() {
        CustomerProfile sara = new CustomerProfile("c-1", "Sara", "sara@example.com", "+989121234567", "smb", null, null,
                null, null, "fa", null, Map.of(), AT);
        directory.upsert(sara);
        responses.insertIfAbsent(new Response("r1", "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 2),
                "comment", new Answer.Text("Sara here, my order A-1 never came")), "fa", AT, ResponseStatus.ENRICHED,
                new Enrichment(2, NpsCategory.DETRACTOR, "Sara here, my order A-1 never came", "fa", 7, "negative", -0.6,
                        List.of("delivery"), "complaint", List.of("order never came"), List.of(), sara, List.of("support"),
                        List.of(), null, AT), Map.of("orderId", "A-1"), "c-1", "inv-1", false));
        directory.appendHistory(Map.of("c-1", List.of(new FeedbackEntry("r1", "demo-nps", AT, 2, "detractor", "negative",
                List.of("delivery"), "complaint", "Sara here, my order A-1 never came", "fa"))), List.<CustomerHealth>of());
        cases.openIfAbsent(new FollowUpCase(FollowUpCase.idFor("r1"), "r1", "demo-nps", CaseStatus.OPEN, "support",
                "owner@example.com", "Detractor (2/10)", 2, "Sara here, my order A-1 never came", "fa", AT,
                AT.plus(Duration.ofHours(48))));
    }

    @Test
    void erase_shouldRemoveThePersonEverywhere_butKeepTheScores_andNeverContactThemAgain() {
        // WHEN the customer is erased
        var receipt = erase.erase("c-1", AT.plusSeconds(60));
        // THEN the answer keeps its score and analysis but nothing that names or quotes them
        Response kept = responses.stored.get("r1");
        assertThat(kept.answers()).containsOnlyKeys("nps");
        assertThat(kept.hidden()).isEmpty();
        assertThat(kept.customerId()).isNull();
        assertThat(kept.enrichment().npsScore()).isEqualTo(2);
        assertThat(kept.enrichment().themes()).containsExactly("delivery");
        assertThat(kept.enrichment().comment()).isNull();
        assertThat(kept.enrichment().customer()).isNull();
        assertThat(kept.enrichment().keyPhrases()).isEmpty();
        // AND the case no longer quotes them, the directory forgets them, the other stores were asked about them
        assertThat(cases.cases.get(FollowUpCase.idFor("r1")).comment()).isNull();
        assertThat(directory.find("c-1")).isEmpty();
        assertThat(directory.histories).doesNotContainKey("c-1");
        assertThat(askedElsewhere).singleElement().isEqualTo(
                new Person("c-1", "sara@example.com", "+989121234567", java.util.Set.of("r1")));
        // AND their address and phone stay suppressed, as hashes only
        assertThat(suppression.isSuppressed("SARA@example.com")).isTrue();
        assertThat(suppression.isSuppressed("+989121234567")).isTrue();
        assertThat(suppression.entries.values()).allSatisfy(entry -> assertThat(entry.address()).isNull());
        // AND the receipt says what went where
        assertThat(receipt.erased()).containsEntry("responses", 1).containsEntry("cases", 1)
                .containsEntry("outreach", 3).containsEntry("directory", 2);
        assertThat(receipt.kept()).isNotEmpty();
    }

    @Test
    void erase_shouldBeIdempotent_whenRepeated() {
        erase.erase("c-1", AT);
        var again = erase.erase("c-1", AT.plusSeconds(60));
        assertThat(again.erased()).containsEntry("responses", 0).containsEntry("directory", 0).containsEntry("outreach", 0);
        assertThat(responses.stored.get("r1").answers()).containsOnlyKeys("nps");
    }

    @Test
    void export_shouldHoldEverythingKept_andNothingForAnErasedPerson() {
        var export = new ExportCustomer(directory, responses, cases, suppression);
        // WHEN exported before the erasure
        var before = export.export("c-1").orElseThrow();
        // THEN it holds the profile, the history, the answer and the case
        assertThat(before.profile().email()).isEqualTo("sara@example.com");
        assertThat(before.history()).extracting(FeedbackEntry::responseId).containsExactly("r1");
        assertThat(before.responses()).extracting(Response::id).containsExactly("r1");
        assertThat(before.cases()).singleElement().satisfies(c -> assertThat(c.followUpCase().responseId()).isEqualTo("r1"));
        assertThat(before.emailSuppressed()).isFalse();
        // AND after it, nothing is held
        erase.erase("c-1", AT);
        assertThat(export.export("c-1")).isEmpty();
    }

    @Test
    void erase_shouldEmptyTheCellsNamedByTheirHiddenValuesAndPhrases_andKeepEveryOtherFigure() {
        // GIVEN the answer was scored: in all answers, and in the cell its order id names
        Response answer = responses.stored.get("r1");
        var day = new io.halqe.domain.scoring.DayKey("demo-nps", java.time.LocalDate.ofInstant(AT, java.time.ZoneOffset.UTC));
        var tally = io.halqe.domain.scoring.Tally.of(answer.answers());
        var other = io.halqe.domain.scoring.Tally.of(Map.of("nps", new Answer.Score(QuestionType.NPS, 10)));
        aggregates.add(day, null, Map.of("all=all", tally.plus(other), "orderId=A-1", tally, "orderId=B-2", other,
                "phrase=fa:order never came", tally, "phrase=fa:fast", other), Map.of());
        // WHEN the customer is erased
        var receipt = erase.erase("c-1", AT.plusSeconds(60));
        // THEN their order's cell and their comment's phrase are gone, everyone else's figures stay
        var cells = aggregates.items.get(day).cells();
        assertThat(cells).doesNotContainKeys("orderId=A-1", "phrase=fa:order never came").containsEntry("orderId=B-2", other)
                .containsEntry("phrase=fa:fast", other).containsEntry("all=all", tally.plus(other));
        assertThat(receipt.erased()).containsEntry("scoreCells", 2);
    }
}
