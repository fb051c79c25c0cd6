package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.aws.json.Json;
import io.halqe.domain.alerts.DigestEntry;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Customer;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.links.Invitation;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.privacy.Person;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.QuestionType;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The erasure's adapters against DynamoDB Local: only the person's items go, whatever shape they are stored in. */
class DynamoErasureTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();

    private static String scan(String table) {
        return db.client().scan(r -> r.tableName(db.tableName(table))).items().toString();
    }

    @Test
    void outreachAndDigests_shouldLoseThePersonsItems_andKeepEveryoneElses() {
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        var invitations = new DynamoInvitationStore(db.client(), db.tableName("OutreachTable"));
        var contacts = new DynamoContactLog(db.client(), db.tableName("OutreachTable"));
        var digests = new DynamoDigestStore(db.client(), db.tableName("CasesTable"));
        Customer leila = new Customer("erase-me", "Leila@Example.com", "+989120001111", "Leila", "fa");
        Customer other = new Customer("keep-me", "keep@example.com", null, "Keep", "en");
        // GIVEN outreach, invitations, contact records and digest entries of two people
        for (Customer customer : List.of(leila, other)) {
            outreach.schedule(new Outreach("out-" + customer.id(), Outreach.Kind.RESURVEY, "demo-nps", "email", customer,
                    null, Map.of(), "out-" + customer.id(), null, 0, AT));
            invitations.save(new Invitation("inv-" + customer.id(), "demo-nps", customer, Map.of("orderId", "A-1"), "email",
                    AT.plus(Duration.ofDays(30))), AT);
            contacts.record("id:" + customer.id(), "out-" + customer.id(), AT);
            digests.add(new DigestEntry("daily", "2026-11-23", "team@example.com", "r-detractor", "Detractors", "high",
                    "support", "resp-" + customer.id(), "demo-nps", 2, "slow", "negative", List.of(), null,
                    customer.name(), null, AT, null));
        }
        Person person = new Person("erase-me", "Leila@Example.com", "+989120001111", Set.of("resp-erase-me"));
        // WHEN the person is erased from both tables, twice
        int fromOutreach = ScannedPersonalData.outreach(db.client(), db.tableName("OutreachTable")).erase(person);
        int fromDigests = ScannedPersonalData.digests(db.client(), db.tableName("CasesTable")).erase(person);
        int again = ScannedPersonalData.outreach(db.client(), db.tableName("OutreachTable")).erase(person);
        // THEN their outreach, invitation, contact record and digest entry are gone; the other person's stay
        assertThat(fromOutreach).isEqualTo(3);
        assertThat(fromDigests).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(scan("OutreachTable")).doesNotContain("erase-me").doesNotContain("Leila").doesNotContain("0001111")
                .contains("keep-me").contains("keep@example.com");
        assertThat(scan("CasesTable")).doesNotContain("resp-erase-me").contains("resp-keep-me");
    }

    @Test
    void directoryResponsesAndCases_shouldForgetThePerson() {
        var directory = new DynamoCustomerDirectory(db.client(), db.tableName("DirectoryTable"));
        var responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        var cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        // GIVEN a profile with history, an answer with a comment, and its case with a note
        directory.upsert(new CustomerProfile("dir-erase", "Omid", "omid@example.com", null, null, null, null, null, null,
                "fa", null, Map.of(), AT));
        directory.appendHistory(Map.of("dir-erase", List.of(new FeedbackEntry("resp-dir", "demo-nps", AT, 3, "detractor",
                "negative", List.of(), null, "Omid: late again", "fa"))), List.of());
        Response answer = new Response("resp-dir", "demo-nps", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 3),
                "comment", new Answer.Text("Omid: late again")), "fa", AT, io.halqe.domain.response.ResponseStatus.RECEIVED,
                null, Map.of("orderId", "B-7"), "dir-erase", "inv-dir", false);
        responses.insertIfAbsent(answer);
        cases.openIfAbsent(new FollowUpCase(FollowUpCase.idFor("resp-dir"), "resp-dir", "demo-nps", CaseStatus.OPEN,
                "support", "owner@example.com", "Detractor", 3, "Omid: late again", "fa", AT, AT.plusSeconds(3600)));
        cases.addNote(FollowUpCase.idFor("resp-dir"), new io.halqe.domain.cases.CaseWork.Note(AT, "agent", "called Omid"));
        // WHEN each store forgets them
        responses.replaceAnonymised(answer.anonymised());
        assertThat(cases.anonymise(FollowUpCase.idFor("resp-dir"))).isTrue();
        assertThat(cases.anonymise("case-none")).isFalse();
        int removed = directory.erase("dir-erase");
        // THEN the answer keeps its score only, the case its figures only, the directory nothing
        assertThat(responses.find("resp-dir").orElseThrow().answers()).containsOnlyKeys("nps");
        assertThat(removed).isEqualTo(2);
        assertThat(directory.find("dir-erase")).isEmpty();
        assertThat(directory.erase("dir-erase")).isZero();
        String everything = scan("DirectoryTable") + scan("ResponsesTable") + scan("CasesTable");
        assertThat(everything).doesNotContain("Omid").doesNotContain("dir-erase").doesNotContain("B-7")
                .doesNotContain("omid@example.com").contains("resp-dir");
        assertThat(Json.write(cases.find(FollowUpCase.idFor("resp-dir")).orElseThrow())).contains("\"npsScore\":3");
    }

    @Test
    void submittedBetween_shouldListOldAnswersOldestFirst_resumingAfterTheLastKey() {
        var responses = new DynamoResponseRepository(db.client(), db.tableName("ResponsesTable"));
        var progress = new DynamoRetentionProgress(db.client(), db.tableName("OutreachTable"));
        // GIVEN three answers to one survey, a day apart
        for (int day = 0; day < 3; day++) {
            responses.insertIfAbsent(Response.received("ret-" + day, "retention-survey", 1,
                    Map.of("nps", new Answer.Score(QuestionType.NPS, 5)), "en", AT.plus(Duration.ofDays(day))));
        }
        // WHEN those before the third day are listed one at a time, resuming after each
        var first = responses.submittedBetween("retention-survey", null, AT.plus(Duration.ofDays(2)), 1);
        progress.advance("retention-survey", first.get(0).key());
        var second = responses.submittedBetween("retention-survey", progress.last("retention-survey").orElseThrow(),
                AT.plus(Duration.ofDays(2)), 10);
        // THEN the oldest comes first, the next follows, and the third (not old enough) never
        assertThat(first).extracting(keyed -> keyed.response().id()).containsExactly("ret-0");
        assertThat(second).extracting(keyed -> keyed.response().id()).containsExactly("ret-1");
        assertThat(progress.last("other-survey")).isEmpty();
    }
}
