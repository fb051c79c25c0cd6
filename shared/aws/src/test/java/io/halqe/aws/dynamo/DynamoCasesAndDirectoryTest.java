package io.halqe.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Team;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.local.runtime.testing.LocalDynamoDbPerClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoCasesAndDirectoryTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    @RegisterExtension
    static final LocalDynamoDbPerClass db = new LocalDynamoDbPerClass();
    private static DynamoCaseRepository cases;
    private static DynamoDeliveryLedger ledger;

    @BeforeAll
    static void start() {
        cases = new DynamoCaseRepository(db.client(), db.tableName("CasesTable"));
        ledger = new DynamoDeliveryLedger(db.client(), db.tableName("CasesTable"));
    }

    private static FollowUpCase followUp(String responseId, Instant due) {
        return new FollowUpCase(FollowUpCase.idFor(responseId), responseId, "demo-nps", CaseStatus.OPEN, "support",
                "owner@example.com", "Detractor (2/10)", 2, "<b>late</b>", "en", AT, due);
    }

    @Test
    void ledger_shouldLetACrashedSendBeRetriedAfterItsLease_andKeepADoneOneForGood_whenItMustNeverBeSentAgain() {
        var forever = DynamoDeliveryLedger.forever(db.client(), db.tableName("CasesTable"));
        // GIVEN a claim whose holder died before sending
        assertThat(forever.claim("close#c-1#customer", AT)).isTrue();
        // THEN nobody else may take it within its lease, and anyone may after it
        assertThat(forever.claim("close#c-1#customer", AT.plusSeconds(60))).isFalse();
        assertThat(forever.claim("close#c-1#customer", AT.plus(java.time.Duration.ofMinutes(6)))).isTrue();
        // WHEN that one sends and completes
        forever.complete("close#c-1#customer", AT.plus(java.time.Duration.ofMinutes(6)));
        // THEN it is never claimed again, and the item has no expiry left
        assertThat(forever.claim("close#c-1#customer", AT.plus(java.time.Duration.ofDays(400)))).isFalse();
        var item = db.client().getItem(request -> request.tableName(db.tableName("CasesTable")).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("DELIVERY#close#c-1#customer"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("DELIVERY")))).item();
        assertThat(item).doesNotContainKey("expiresAt").doesNotContainKey("leaseUntil");
        // AND a done claim of the week-long ledger expires a week after it was done
        assertThat(ledger.once("alert#r-9#email", AT, () -> { })).isTrue();
        assertThat(ledger.once("alert#r-9#email", AT.plusSeconds(3600), () -> { })).isFalse();
    }

    @Test
    void openIfAbsent_shouldKeepTheFirstCase_whenOpenedTwice() {
        var first = cases.openIfAbsent(followUp("r1", AT.plusSeconds(100)));
        var second = cases.openIfAbsent(followUp("r1", AT.plusSeconds(999)));
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.followUpCase().dueAt()).isEqualTo(AT.plusSeconds(100));
        assertThat(cases.find("case-r1")).contains(first.followUpCase());
    }

    @Test
    void listByStatus_shouldListSoonestDueFirst_acrossPages() {
        for (int i = 5; i > 0; i--) {
            cases.openIfAbsent(followUp("due-" + i, AT.plusSeconds(1000L * i)));
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = cases.listByStatus(CaseStatus.OPEN, 2, cursor);
            page.items().stream().filter(c -> c.responseId().startsWith("due-")).forEach(c -> ids.add(c.responseId()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(ids).containsExactly("due-1", "due-2", "due-3", "due-4", "due-5");
        assertThat(cases.listByStatus(CaseStatus.CLOSED, 10, null).items()).isEmpty();
    }

    @Test
    void claimed_shouldAnswerAsClaimWould_withoutClaiming() {
        // GIVEN a key never claimed, one leased, and one done
        var forever = DynamoDeliveryLedger.forever(db.client(), db.tableName("CasesTable"));
        forever.claim("announce#a-1#leased", AT);
        forever.once("announce#a-1#done", AT, () -> { });

        // WHEN / THEN
        assertThat(forever.claimed("announce#a-1#never", AT)).isFalse();
        assertThat(forever.claim("announce#a-1#never", AT)).as("asking claimed nothing").isTrue();
        assertThat(forever.claimed("announce#a-1#leased", AT.plusSeconds(60))).isTrue();
        assertThat(forever.claimed("announce#a-1#leased", AT.plus(java.time.Duration.ofMinutes(6)))).isFalse();
        assertThat(forever.claimed("announce#a-1#done", AT.plus(java.time.Duration.ofDays(400)))).isTrue();
    }

    @Test
    void ledger_shouldGrantAKeyOnce_untilReleased() {
        assertThat(ledger.claim("detractor#r9#email", AT)).isTrue();
        assertThat(ledger.claim("detractor#r9#email", AT)).isFalse();
        ledger.release("detractor#r9#email");
        assertThat(ledger.claim("detractor#r9#email", AT)).isTrue();
    }

    @Test
    void surveysAndTeams_shouldRoundTrip() {
        var surveys = new DynamoSurveyRepository(db.client(), db.tableName("SurveysTable"));
        var teams = new DynamoTeamDirectory(db.client(), db.tableName("DirectoryTable"));
        surveys.save(DemoSurveys.demoNps());
        teams.save(new Team("support", "Support", "lead@example.com"));
        assertThat(surveys.find("demo-nps")).contains(DemoSurveys.demoNps());
        assertThat(surveys.find("missing")).isEmpty();
        assertThat(teams.team("support")).contains(new Team("support", "Support", "lead@example.com"));
    }

    private static Outreach outreach(String id, Instant due) {
        return new Outreach(id, Outreach.Kind.INVITATION, "demo-nps", "email",
                new io.halqe.domain.core.Customer("c-" + id, id + "@example.com", null, "Sara", "fa"), "Asia/Tehran",
                java.util.Map.of("orderId", "A-1"), id, null, 0, due);
    }

    @Test
    void outreach_shouldBeDueOnceAndClaimedOnce_andComeBackIntact() {
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        // GIVEN one due now (scheduled twice), one due in an hour, and one due a millisecond later than now
        Outreach due = outreach("o-1", AT);
        assertThat(outreach.schedule(due)).isTrue();
        assertThat(outreach.schedule(due)).isFalse();
        outreach.schedule(outreach("o-2", AT.plusSeconds(3600)));
        outreach.schedule(outreach("o-3", AT.plusMillis(1)));
        // THEN only the first is due now, whole; claiming works once
        assertThat(outreach.due(AT, 10)).containsExactly(due);
        assertThat(outreach.claim(due, AT)).isTrue();
        assertThat(outreach.claim(due, AT)).isFalse();
        assertThat(outreach.due(AT.plusSeconds(60), 10)).extracting(Outreach::id).filteredOn(id -> id.startsWith("o-"))
                .containsExactly("o-3");
        // AND a claim whose sweep died mid-send expires: the item is due again, and can be claimed again, once
        assertThat(outreach.due(AT.plusSeconds(3600), 10)).extracting(Outreach::id).filteredOn(id -> id.startsWith("o-"))
                .containsExactly("o-3", "o-2", "o-1");
        assertThat(outreach.claim(due, AT.plusSeconds(3600))).isTrue();
        assertThat(outreach.claim(due, AT.plusSeconds(3600))).isFalse();
        // AND released with a later due time it waits for it
        outreach.release(due, AT.plusSeconds(7200));
        assertThat(outreach.due(AT.plusSeconds(3600), 10)).extracting(Outreach::id).filteredOn(id -> id.startsWith("o-"))
                .containsExactly("o-3", "o-2");
        assertThat(outreach.find("o-1").orElseThrow().outreach().dueAt()).isEqualTo(AT.plusSeconds(7200));
        assertThat(outreach.claim(due, AT.plusSeconds(7200))).isTrue();
        outreach.markSkipped(due, "frequency_cap", AT.plusSeconds(7200));
        assertThat(outreach.find("o-1").orElseThrow().status()).isEqualTo("skipped:frequency_cap");
    }

    @Test
    void outreach_shouldBeParkedWithItsReasonAndAttempts_listedNewestFirst_andRequeuedOnce() {
        var outreach = new DynamoOutreachRepository(db.client(), db.tableName("OutreachTable"));
        // GIVEN two items that failed: one twice, then parked; one parked at once, later
        Outreach first = outreach("p-1", AT);
        Outreach second = outreach("p-2", AT);
        outreach.schedule(first);
        outreach.schedule(second);
        outreach.claim(first, AT);
        assertThat(outreach.recordFailure(first, "IllegalStateException: down")).isEqualTo(1);
        assertThat(outreach.recordFailure(first, "IllegalStateException: down")).isEqualTo(2);
        outreach.park(first, "IllegalStateException: down", AT.plusSeconds(60));
        outreach.claim(second, AT);
        outreach.park(second, "Undeliverable: Illegal address", AT.plusSeconds(120));
        // THEN neither is due, and both are listed, newest first, with why and how often they failed
        assertThat(outreach.due(AT.plusSeconds(86_400), 10)).extracting(Outreach::id).doesNotContain("p-1", "p-2");
        assertThat(outreach.parked(10)).extracting(parked -> parked.outreach().id() + " " + parked.attempts() + " "
                + parked.reason() + " " + parked.parkedAt()).containsSubsequence(
                "p-2 0 Undeliverable: Illegal address " + AT.plusSeconds(120),
                "p-1 2 IllegalStateException: down " + AT.plusSeconds(60));
        // AND re-queued, it is due at once with its attempts forgotten; a second re-queue finds nothing parked
        assertThat(outreach.requeue("p-1", AT.plusSeconds(300))).isTrue();
        assertThat(outreach.requeue("p-1", AT.plusSeconds(300))).isFalse();
        assertThat(outreach.due(AT.plusSeconds(300), 10)).extracting(Outreach::id).contains("p-1");
        assertThat(outreach.parked(10)).extracting(parked -> parked.outreach().id()).doesNotContain("p-1");
    }

    @Test
    void contactLog_shouldLetOneOutreachClaimTheCustomerWithinTheCap() {
        var contacts = new DynamoContactLog(db.client(), db.tableName("OutreachTable"));
        Instant capStart = AT.minus(java.time.Duration.ofDays(30));
        assertThat(contacts.lastContact("id:c9")).isEmpty();
        assertThat(contacts.claim("id:c9", "o-a", AT, capStart)).isTrue();
        assertThat(contacts.claim("id:c9", "o-b", AT.plusSeconds(1), capStart)).isFalse();
        assertThat(contacts.claim("id:c9", "o-a", AT.plusSeconds(2), capStart)).as("a retried send").isTrue();
        assertThat(contacts.claim("id:c9", "o-c", AT.plus(java.time.Duration.ofDays(31)),
                AT.plusSeconds(3))).isTrue();
        contacts.record("id:c9", "resurvey-x", AT.plus(java.time.Duration.ofDays(32)));
        assertThat(contacts.lastContact("id:c9")).contains(AT.plus(java.time.Duration.ofDays(32)));
    }

    @Test
    void remeasurement_shouldBeRecordedOnce() {
        cases.openIfAbsent(followUp("measured", AT));
        var measured = new io.halqe.domain.cases.CaseWork.Remeasurement(2, 9, AT.plusSeconds(60));
        assertThat(cases.recordRemeasurement("case-measured", measured)).isTrue();
        assertThat(cases.recordRemeasurement("case-measured",
                new io.halqe.domain.cases.CaseWork.Remeasurement(2, 3, AT))).isFalse();
        assertThat(cases.recordRemeasurement("case-missing", measured)).isFalse();
        assertThat(cases.work("case-measured").remeasurement()).isEqualTo(measured);
    }

    @Test
    void triggersAndContactPolicy_shouldRoundTrip() {
        var triggers = new DynamoTriggers(db.client(), db.tableName("DirectoryTable"));
        assertThat(triggers.current()).isEmpty();
        triggers.replace(List.of(io.halqe.domain.outreach.TouchpointTrigger.demoOrderDelivered()));
        assertThat(new DynamoTriggers(db.client(), db.tableName("DirectoryTable")).current())
                .containsExactly(io.halqe.domain.outreach.TouchpointTrigger.demoOrderDelivered());
        var policies = new DynamoContactPolicies(db.client(), db.tableName("DirectoryTable"));
        assertThat(policies.current()).isEqualTo(io.halqe.domain.outreach.ContactPolicy.DEFAULTS);
        var strict = new io.halqe.domain.outreach.ContactPolicy("P60D", java.util.Map.of("demo-nps", "P14D"), "20:00",
                "08:00", "P2D", 2, "P10D", java.util.Map.of("demo-nps", 90));
        policies.replace(strict);
        assertThat(new DynamoContactPolicies(db.client(), db.tableName("DirectoryTable")).current()).isEqualTo(strict);
    }

    @Test
    void close_shouldCloseOnce_andLeaveTheOpenQueue() {
        cases.openIfAbsent(followUp("to-close", AT.plusSeconds(50)));
        var closed = cases.close("case-to-close", "refunded", AT.plusSeconds(60)).orElseThrow();
        var again = cases.close("case-to-close", "other words", AT.plusSeconds(90)).orElseThrow();
        assertThat(closed.followUpCase().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(again.followUpCase()).isEqualTo(closed.followUpCase());
        // only the first call closed it (what the api counts as a case closed)
        assertThat(closed.now()).isTrue();
        assertThat(again.now()).isFalse();
        var item = db.client().getItem(r -> r.tableName(db.tableName("CasesTable")).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE#case-to-close"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE")))).item();
        assertThat(item.get("resolution").s()).isEqualTo("refunded");
        assertThat(cases.listByStatus(CaseStatus.OPEN, 100, null).items()).extracting(FollowUpCase::id)
                .doesNotContain("case-to-close");
        assertThat(cases.close("case-missing", "x", AT)).isEmpty();
    }

    @Test
    void suppression_shouldHoldAnAddressWhateverItsCase() {
        var suppression = new DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        assertThat(suppression.isSuppressed("Sara@Example.com")).isFalse();
        suppression.suppress("Sara@Example.com", "unsubscribed", AT);
        assertThat(suppression.isSuppressed("sara@example.com")).isTrue();
        assertThat(suppression.isSuppressed(null)).isFalse();
    }

    @Test
    void digests_shouldHoldEachEntryOnce_andReadAWholePeriodAcrossPages() {
        var digests = new DynamoDigestStore(db.client(), db.tableName("CasesTable"));
        // GIVEN 1,200 entries (larger than one 1 MB page) and one added twice, plus one in another period
        String longComment = "x".repeat(900);
        for (int i = 0; i < 1200; i++) {
            digests.add(entry("2026-11-23", "r" + i, longComment));
        }
        digests.add(entry("2026-11-23", "r0", longComment));
        digests.add(entry("2026-11-24", "r0", "other day"));
        // WHEN the period is read THEN every entry comes back once, intact
        var read = digests.entries(io.halqe.domain.alerts.DigestPeriod.DAILY, "2026-11-23");
        assertThat(read).hasSize(1200);
        assertThat(read).contains(entry("2026-11-23", "r7", longComment));
    }

    private static io.halqe.domain.alerts.DigestEntry entry(String day, String responseId, String comment) {
        return new io.halqe.domain.alerts.DigestEntry("daily", day, "eng@example.com", "bug", "Bug report", "medium",
                "engineering", responseId, "demo-nps", 4, comment, "negative", List.of("usability"), "bug", "Sara",
                null, AT, "fa");
    }

    @Test
    void alertRules_shouldBeTheDefaultsWithTheStacksSla_untilReplaced() {
        var rules = new DynamoAlertRules(db.client(), db.tableName("DirectoryTable"), java.time.Duration.ofHours(24));
        assertThat(rules.current()).isEqualTo(io.halqe.domain.alerts.AlertRules.defaults(java.time.Duration.ofHours(24)));
        var custom = List.of(new io.halqe.domain.alerts.AlertRule("vip", "VIP detractor", "demo-nps",
                "{\"customer\":{\"segment\":[\"enterprise\"]}}", "sales", "high",
                new io.halqe.domain.alerts.AlertRule.Actions(new io.halqe.domain.alerts.AlertRule.OpenCase("PT4H"),
                        "immediate", List.of("owner", "vip@example.com"), true)));
        rules.replace(custom);
        // a fresh reader (another function) sees the stored rules
        assertThat(new DynamoAlertRules(db.client(), db.tableName("DirectoryTable"), java.time.Duration.ofHours(24))
                .current()).isEqualTo(custom);
    }

    @Test
    void fillIn_shouldCreateOrCompleteTheEntry_andLetAnyCrmUpdateWin() {
        var directory = new DynamoCustomerDirectory(db.client(), db.tableName("DirectoryTable"));
        // GIVEN a person first seen in an invitation
        directory.fillIn(io.halqe.domain.customers.CustomerProfile.known(
                new io.halqe.domain.core.Customer("fill-1", "neda@example.com", null, "Neda", "fa-IR"), "Asia/Tehran"));
        // WHEN a later invitation names another address and a phone, twice (a retry)
        for (int i = 0; i < 2; i++) {
            directory.fillIn(io.halqe.domain.customers.CustomerProfile.known(
                    new io.halqe.domain.core.Customer("fill-1", "other@example.com", "+989121234567", null, null), null));
        }
        // THEN the entry keeps what it had and gains the phone
        var filled = directory.find("fill-1").orElseThrow();
        assertThat(filled.email()).isEqualTo("neda@example.com");
        assertThat(filled.phone()).isEqualTo("+989121234567");
        assertThat(filled.language()).isEqualTo("fa");
        assertThat(filled.timeZone()).isEqualTo("Asia/Tehran");
        assertThat(filled.updatedAt()).isNull();
        // AND a CRM update, however old, replaces it
        var crm = new io.halqe.domain.customers.CustomerProfile("fill-1", "Neda R", "neda.r@example.com", null, "smb",
                null, null, null, null, "fa", null, java.util.Map.of(), Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(directory.upsert(crm)).isEqualTo(io.halqe.domain.customers.CustomerDirectory.Upserted.UPDATED);
        assertThat(directory.find("fill-1").orElseThrow().email()).isEqualTo("neda.r@example.com");
        // AND a later fill-in leaves the CRM's fields alone
        directory.fillIn(io.halqe.domain.customers.CustomerProfile.known(
                new io.halqe.domain.core.Customer("fill-1", "neda@example.com", null, "Neda", "en"), null));
        assertThat(directory.find("fill-1").orElseThrow()).isEqualTo(crm);
    }

    @Test
    void fillInAll_shouldFillInEveryPerson_inTransactionsOfAHundred_andLeaveWhatIsKnownAlone() {
        var directory = new DynamoCustomerDirectory(db.client(), db.tableName("DirectoryTable"));
        // GIVEN a person the CRM keeps
        var kept = new io.halqe.domain.customers.CustomerProfile("bulk-7", "Kept Name", "kept@example.com", null, "smb",
                null, null, null, null, "fa", null, java.util.Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
        directory.upsert(kept);
        // WHEN 150 people are filled in at once, that one among them under another name
        java.util.List<io.halqe.domain.customers.CustomerProfile> people = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            people.add(io.halqe.domain.customers.CustomerProfile.known(new io.halqe.domain.core.Customer("bulk-" + i,
                    "bulk" + i + "@example.com", null, "Person " + i, "en"), null));
        }
        directory.fillInAll(people);
        // THEN everyone is known, and the CRM's entry is as it was
        assertThat(directory.findAll(people.stream().map(io.halqe.domain.customers.CustomerProfile::id).toList()))
                .hasSize(150);
        assertThat(directory.find("bulk-149").orElseThrow().name()).isEqualTo("Person 149");
        assertThat(directory.find("bulk-7").orElseThrow()).isEqualTo(kept);
    }

    @Test
    void suppressionList_shouldListLiftAndForget_byTheAddressesHash() {
        var suppression = new DynamoSuppressionList(db.client(), db.tableName("DirectoryTable"));
        // GIVEN an unsubscribed address, a phone an admin added, and a person who was erased
        suppression.suppress("List@Example.com", "unsubscribed", AT);
        suppression.suppress("+989121234567", "admin", AT);
        suppression.suppress("erased@example.com", "complained", AT);
        suppression.forget("erased@example.com", AT.plusSeconds(60));
        suppression.forget("never-suppressed@example.com", AT.plusSeconds(60));
        // WHEN the list is read, two entries a page
        List<io.halqe.domain.suppression.SuppressionList.Suppression> all = new java.util.ArrayList<>();
        io.halqe.domain.core.Page.all(cursor -> suppression.list(2, cursor)).forEach(all::add);
        // THEN every entry is there by id; the erased ones keep their reason but no address
        assertThat(all).extracting(io.halqe.domain.suppression.SuppressionList.Suppression::address)
                .contains("list@example.com", "+989121234567");
        assertThat(all).filteredOn(entry -> entry.id().equals(
                        io.halqe.domain.suppression.SuppressionList.idOf("never-suppressed@example.com")))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.address()).isNull();
                    assertThat(entry.reason()).isEqualTo("erased");
                });
        assertThat(all).filteredOn(entry -> entry.id().equals(
                        io.halqe.domain.suppression.SuppressionList.idOf("ERASED@example.com")))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.address()).isNull();
                    assertThat(entry.reason()).isEqualTo("complained");
                });
        assertThat(suppression.isSuppressed("erased@example.com")).isTrue();
        assertThat(suppression.isSuppressed("never-suppressed@example.com")).isTrue();
        // AND lifting by id lets the address be contacted again, once
        String id = io.halqe.domain.suppression.SuppressionList.idOf("list@example.com");
        assertThat(suppression.lift(id)).isTrue();
        assertThat(suppression.lift(id)).isFalse();
        assertThat(suppression.isSuppressed("list@example.com")).isFalse();
        // AND no item holds an erased address in any form
        var scan = db.client().scan(r -> r.tableName(db.tableName("DirectoryTable"))).items().toString();
        assertThat(scan).doesNotContain("erased@example.com").doesNotContain("never-suppressed");
    }
}
