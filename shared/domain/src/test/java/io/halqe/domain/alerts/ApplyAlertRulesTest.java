package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.events.CaseOpened;
import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemoryDigests;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ApplyAlertRulesTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<AlertRule> DEFAULTS = AlertRules.defaults(Duration.ofHours(48));
    /** The default rules' patterns, as Event Ruler reads them (the matcher itself is tested in shared/aws). */
    private static final Map<String, Predicate<ResponseEnriched>> DEFAULT_PATTERNS = Map.of(
            "detractor", r -> "detractor".equals(r.npsCategory()),
            "promoter-praise", r -> "promoter".equals(r.npsCategory()) && "praise".equals(r.feedbackType()),
            "feature-request", r -> "suggestion".equals(r.feedbackType()),
            "bug", r -> "bug".equals(r.feedbackType()));

    private final InMemoryCases cases = new InMemoryCases();
    private final InMemoryDigests digests = new InMemoryDigests();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<Notifier.Notification> alerts = new ArrayList<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private final List<io.halqe.domain.core.ChatMessage> posted = new ArrayList<>();
    private int chatFailuresLeft;
    private final List<String> teamReads = new ArrayList<>();
    private final TeamDirectory teams = new TeamDirectory() {
        @Override
        public Optional<Team> team(String teamId) {
            teamReads.add(teamId);
            return switch (teamId) {
                case "support" -> Optional.of(new Team("support", "Support", "lead@example.com"));
                // marketing's SNS subscriptions filter on its own value
                case "marketing" -> Optional.of(new Team("marketing", "Marketing", "marketing@example.com", List.of(),
                        "mkt-eu"));
                // a team that reads its alerts in Slack, in Persian
                case "logistics" -> Optional.of(new Team("logistics", "لجستیک", "ops@example.com", List.of(), null,
                        "https://hooks.slack.example/services/T1/B1/x", "fa"));
                default -> Optional.empty();
            };
        }

        @Override
        public void save(Team team) {
        }
    };
    private final AlertSettings settings = new AlertSettings("support", "fallback@example.com",
            "https://feedback.example.com", ZoneId.of("Asia/Tehran"));
    private int mailFailuresLeft;
    private List<AlertRule> rules = DEFAULTS;
    private final ApplyAlertRules alert = new ApplyAlertRules(this::matching, cases, teams, email -> {
        if (mailFailuresLeft-- > 0) {
            throw new IllegalStateException("SES throttled");
        }
        emails.add(email);
    }, alerts::add, events::addAll, cases, digests, settings, storms(0), (survey, response) -> true,
            (url, message) -> {
                assertThat(url).isEqualTo("https://hooks.slack.example/services/T1/B1/x");
                if (chatFailuresLeft-- > 0) {
                    throw new IllegalStateException("Slack answered HTTP 500");
                }
                posted.add(message);
            });

    /** Alert-storm protection at {@code perHour} (0: off), counting in memory. */
    private AlertStorms storms(int perHour) {
        return new AlertStorms(new io.halqe.domain.fakes.InMemoryCounters(), perHour, digests, ZoneId.of("Asia/Tehran"));
    }

    private List<AlertRule> matching(ResponseEnriched response) {
        return rules.stream().filter(rule -> DEFAULT_PATTERNS.getOrDefault(rule.id(), r -> true).test(response))
                .filter(rule -> rule.surveyId() == null || rule.surveyId().equals(response.surveyId())).toList();
    }

    private static ResponseEnriched response(String id, int nps, String category, String type, String comment,
                                             List<String> routedTeams, List<String> owners) {
        CustomerProfile customer = new CustomerProfile("cust-1", "Sara Ahmadi", "sara@example.com", null, "smb", "pro",
                1200.0, "EU", null, "en", "Europe/Berlin", Map.of(), AT);
        return new ResponseEnriched("1", id, "demo-nps", 1, AT.minusSeconds(5), "en", nps, category, comment, 3,
                Map.of("nps", nps, "comment", comment, "csat", 2), Map.of("orderId", "o-9"), "cust-1", false,
                "negative", -0.6, List.of("delivery"), type, List.of("late again"), customer, routedTeams, owners, null);
    }

    private static ResponseEnriched detractor(String comment) {
        return response("r1", 2, "detractor", "complaint", comment, List.of("support"), List.of());
    }

    @Test
    void handle_shouldWriteTheAlertEmailInTheTeamsLanguageAndDigits_whenTheTeamReadsPersian() {
        // GIVEN a detractor routed to logistics, a team that reads Persian
        var answer = response("r8", 1, "detractor", "complaint", "the courier threw the box", List.of("logistics"),
                List.of());
        // WHEN it is handled
        alert.handle(answer, AT);
        // THEN the email's words are Persian, its figures in Persian digits, its HTML right to left; the comment,
        // the customer's fields, ids and values as they were written
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("[Halqe] Detractor (۱/۱۰) در demo-nps — پرونده case-r8");
            assertThat(email.text()).contains("نظر:\nthe courier threw the box")
                    .contains("NPS: ۱/۱۰ (detractor)").contains("مشتری: Sara Ahmadi <sara@example.com>")
                    .contains("ارزش طول عمر: ۱۲۰۰٫۰۰").contains("احساس: negative (-۰٫۶۰)")
                    .contains("پرونده: case-r8، مسئول ").contains("زمان پاسخ: ۲۰۲۶-۱۱-۲۳T۰۹:۵۹:۵۵Z به زبان en")
                    .contains("پاسخ csat: 2").contains("فیلد پنهان orderId: o-9")
                    .contains("باز کردن پرونده: https://feedback.example.com/console/cases/case-r8");
            assertThat(email.html()).startsWith("<!doctype html><html lang=\"fa\" dir=\"rtl\"><body")
                    .contains("<th style=\"text-align:right;");
        });
    }

    @Test
    void handle_shouldPostToTheTeamsSlackOnceInItsLanguage_whenItsDetractorArrivesTwiceAndSlackFailedFirst() {
        // GIVEN a detractor routed to logistics, whose Slack fails the first post
        chatFailuresLeft = 1;
        var answer = response("r7", 1, "detractor", "complaint", "<!channel> the courier threw the box",
                List.of("logistics"), List.of());
        // WHEN it is handled, fails on Slack, and is delivered again
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alert.handle(answer, AT))
                .hasMessageContaining("Slack");
        alert.handle(answer, AT);
        alert.handle(answer, AT);
        // THEN Slack got one message, in Persian, with the score, customer, team, comment and a button to the case
        assertThat(posted).singleElement().satisfies(message -> {
            assertThat(message.title()).startsWith("هشدار: ");
            assertThat(message.fields()).contains(new io.halqe.domain.core.ChatMessage.Field("امتیاز", "۱/۱۰"),
                    new io.halqe.domain.core.ChatMessage.Field("مشتری", "Sara Ahmadi"),
                    new io.halqe.domain.core.ChatMessage.Field("تیم", "لجستیک"));
            assertThat(message.quote()).isEqualTo("<!channel> the courier threw the box");
            assertThat(message.link()).isEqualTo(new io.halqe.domain.core.ChatMessage.Link("باز کردن پرونده",
                    "https://feedback.example.com/console/cases/case-r7"));
        });
        // AND the owner's email went once too, and a team without Slack posts nothing
        assertThat(emails).hasSize(1);
        alert.handle(detractor("Late again"), AT);
        assertThat(posted).hasSize(1);
    }

    @Test
    void handle_shouldReadEachTeamOnce_whenTheCaseAndTheRulesNameTheSameTeam() {
        // GIVEN a detractor routed to support, whose rule opens support's case, emails its owner and alerts it
        // WHEN it is handled
        alert.handle(detractor("Late again"), AT);
        // THEN support was read once for the case, the email and the alert together
        assertThat(emails).hasSize(1);
        assertThat(alerts).hasSize(1);
        assertThat(teamReads).containsExactly("support");
        // AND a second event reads it afresh (nothing is kept between events, so a team's edit applies at once)
        alert.handle(response("r2", 1, "detractor", "complaint", "Lost", List.of("support"), List.of()), AT);
        assertThat(teamReads).containsExactly("support", "support");
    }

    @Test
    void handle_shouldOpenOneCaseEmailOwnerAndAlertTeam_whenDetractorArrives() {
        // GIVEN a detractor WHEN the default rules handle it
        var outcome = alert.handle(detractor("Late again"), AT);
        // THEN one open case for the team's owner, due 48 hours later
        FollowUpCase opened = outcome.followUpCase().orElseThrow();
        assertThat(outcome.rules()).containsExactly("detractor");
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.team()).isEqualTo("support");
        assertThat(opened.owner()).isEqualTo("lead@example.com");
        assertThat(opened.reason()).isEqualTo("Detractor (2/10)");
        assertThat(opened.dueAt()).isEqualTo(AT.plus(Duration.ofHours(48)));
        // AND the owner's email shows the answer, the customer, the enrichment and the case link
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("lead@example.com");
            assertThat(email.text()).contains("Late again", "https://feedback.example.com/console/cases/case-r1",
                    "Answer csat: 2", "Hidden orderId: o-9", "Sara Ahmadi <sara@example.com>", "Plan: pro",
                    "Sentiment: negative (-0.60)", "Themes: delivery", "Feedback type: complaint",
                    "Key phrases: late again");
            assertThat(email.html()).contains("Late again", "Sara Ahmadi &lt;sara@example.com&gt;");
        });
        // AND the team's SNS alert carries filterable attributes and the comment
        assertThat(alerts).singleElement().satisfies(n -> {
            assertThat(n.attributes()).containsEntry("team", "support").containsEntry("severity", "high")
                    .containsEntry("surveyId", "demo-nps").containsEntry("rule", "detractor");
            assertThat(n.message()).containsEntry("comment", "Late again").containsEntry("caseId", "case-r1");
        });
        assertThat(events).singleElement().isInstanceOf(CaseOpened.class);
    }

    @Test
    void handle_shouldActOnNothing_whenTheAnswerIsHistorical() {
        // GIVEN a detractor's answer imported from another tool, which the default rules would match
        ResponseEnriched live = detractor("Late again");
        ResponseEnriched imported = new ResponseEnriched(live.version(), live.responseId(), live.surveyId(),
                live.surveyVersion(), live.submittedAt(), live.language(), live.npsScore(), live.npsCategory(),
                live.comment(), live.wordCount(), live.answers(), live.hidden(), live.customerId(), live.partial(),
                live.sentiment(), live.sentimentScore(), live.themes(), live.feedbackType(), live.keyPhrases(),
                live.customer(), live.teams(), live.owners(), live.invitationId(), true, true);
        // WHEN it reaches the alerts function anyway (marked alerting by mistake)
        var outcome = alert.handle(imported, AT);
        // THEN no rule acts: no case, email, SNS alert, digest entry, event or claim
        assertThat(outcome.rules()).isEmpty();
        assertThat(outcome.followUpCase()).isEmpty();
        assertThat(cases.cases).isEmpty();
        assertThat(emails).isEmpty();
        assertThat(alerts).isEmpty();
        assertThat(digests.entries).isEmpty();
        assertThat(events).isEmpty();
        assertThat(cases.claims).isEmpty();
    }

    @Test
    void storm_shouldOpenEveryCase_butSendOnlyTheHoursQuota_andOneSummaryEmailAndSnsAfterTheHour() {
        // GIVEN alert-storm protection at 2 notifications per rule, survey and hour
        ApplyAlertRules guarded = new ApplyAlertRules(this::matching, cases, teams, emails::add, alerts::add,
                events::addAll, cases, digests, settings, storms(2), (survey, response) -> true);
        // WHEN 5 detractors arrive within the hour (one of them delivered twice)
        for (int i = 1; i <= 5; i++) {
            guarded.handle(response("storm-" + i, 1, "detractor", "complaint", "Broken " + i, List.of("support"),
                    List.of()), AT.plusSeconds(i));
        }
        guarded.handle(response("storm-5", 1, "detractor", "complaint", "Broken 5", List.of("support"), List.of()),
                AT.plusSeconds(5));
        // THEN every one has its case, but only 2 emails and 2 SNS alerts went out
        for (int i = 1; i <= 5; i++) {
            assertThat(cases.find(FollowUpCase.idFor("storm-" + i))).isPresent();
        }
        assertThat(emails).hasSize(2);
        assertThat(alerts).hasSize(2);
        // AND once the hour is over (and the digests' grace), one summary email and one SNS message tell the other 3
        SendDigests summaries = new SendDigests(digests, emails::add, alerts::add, cases, settings,
                new io.halqe.domain.fakes.InMemoryCounters(), new io.halqe.domain.fakes.InMemoryParkedWork());
        summaries.send(AT.plus(Duration.ofHours(4)));
        summaries.send(AT.plus(Duration.ofHours(5)));
        assertThat(emails).hasSize(3);
        assertThat(emails.get(2).subject()).contains("Alert storm summary").contains("3 more alerts");
        assertThat(emails.get(2).text()).contains("Broken 3").contains("Broken 4").contains("Broken 5");
        assertThat(alerts).hasSize(3);
        assertThat(alerts.get(2).message()).containsEntry("kind", "alert-storm-summary").containsEntry("folded", 3)
                .containsEntry("caseIds", List.of("case-storm-3", "case-storm-4", "case-storm-5"));
    }

    @Test
    void handle_shouldActOnce_whenTheEventIsDeliveredTwice() {
        // GIVEN the same event delivered twice
        alert.handle(detractor("Late"), AT);
        alert.handle(detractor("Late"), AT.plusSeconds(30));
        // THEN one case, one email, one alert, one CaseOpened
        assertThat(cases.cases).hasSize(1);
        assertThat(emails).hasSize(1);
        assertThat(alerts).hasSize(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void handle_shouldSendOnRetry_whenTheFirstSendFailed() {
        // GIVEN SES fails once
        mailFailuresLeft = 1;
        assertThatThrownBy(() -> alert.handle(detractor("Late"), AT)).hasMessageContaining("SES throttled");
        // WHEN the delivery is retried
        alert.handle(detractor("Late"), AT);
        // THEN the email goes out exactly once, and the case was not duplicated
        assertThat(emails).hasSize(1);
        assertThat(cases.cases).hasSize(1);
    }

    @Test
    void handle_shouldEscapeTheComment_whenItContainsMarkup() {
        // GIVEN a comment with a script
        alert.handle(detractor("<script>alert(1)</script> & \"quotes\"\r\nBcc: x@evil.example"), AT);
        // THEN the HTML shows it as text, and the subject stays one line
        String html = emails.get(0).html();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(emails.get(0).subject()).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void handle_shouldUseDefaultTeamAndOwner_whenNothingRoutedAndTheTeamIsUnknown() {
        ApplyAlertRules unknownTeam = new ApplyAlertRules(this::matching, cases, teams, emails::add, alerts::add,
                events::addAll, cases, digests, new AlertSettings("sales", "fallback@example.com", "", ZoneId.of("UTC")),
                storms(0), (survey, response) -> true);
        FollowUpCase opened = unknownTeam.handle(response("r1", 2, "detractor", "complaint", "x", List.of(), List.of()), AT)
                .followUpCase().orElseThrow();
        assertThat(opened.team()).isEqualTo("sales");
        assertThat(opened.owner()).isEqualTo("fallback@example.com");
        assertThat(emails.get(0).text()).doesNotContain("Open the case");
    }

    @Test
    void handle_shouldGiveTheCaseToTheRoutedTeamAndAccountOwner_whenRoutingNamedThem() {
        FollowUpCase opened = alert.handle(response("r7", 1, "detractor", "complaint", "x", List.of("finance", "support"),
                List.of("am@example.com")), AT).followUpCase().orElseThrow();
        assertThat(opened.team()).isEqualTo("finance");
        assertThat(opened.owner()).isEqualTo("am@example.com");
        assertThat(emails.get(0).to()).containsExactly("am@example.com");
    }

    @Test
    void handle_shouldCollectPraiseIntoMarketingsWeeklyDigest_whenAPromoterPraises() {
        // GIVEN a promoter's praise WHEN the default rules handle it
        var outcome = alert.handle(response("r2", 10, "promoter", "praise", "Lovely <b>team</b>", List.of("support"),
                List.of()), AT);
        // THEN no case and no immediate email, but one entry in marketing's weekly digest and a low-severity alert
        assertThat(outcome.rules()).containsExactly("promoter-praise");
        assertThat(outcome.followUpCase()).isEmpty();
        assertThat(emails).isEmpty();
        assertThat(digests.entries.values()).singleElement().satisfies(entry -> {
            assertThat(entry.period()).isEqualTo("weekly");
            assertThat(entry.periodKey()).isEqualTo("2026-W48");
            assertThat(entry.recipient()).isEqualTo("marketing@example.com");
            assertThat(entry.team()).isEqualTo("marketing");
        });
        assertThat(alerts).singleElement().satisfies(n -> {
            assertThat(n.attributes()).containsEntry("team", "mkt-eu").containsEntry("severity", "low");
            assertThat(n.message()).containsEntry("team", "marketing");
        });
    }

    @Test
    void handle_shouldOpenOneCaseAndRunEveryMatchingRule_whenADetractorReportsABug() {
        // GIVEN a detractor reporting a bug: the detractor and the bug rule both match
        var outcome = alert.handle(response("r3", 0, "detractor", "bug", "Crashes on login", List.of("support"),
                List.of()), AT);
        // THEN one case (from the detractor rule), the owner's email, engineering's daily digest links to the case
        assertThat(outcome.rules()).containsExactly("detractor", "bug");
        assertThat(cases.cases).hasSize(1);
        assertThat(emails).hasSize(1);
        assertThat(digests.entries.values()).singleElement().satisfies(entry -> {
            assertThat(entry.period()).isEqualTo("daily");
            assertThat(entry.periodKey()).isEqualTo("2026-11-23");
            assertThat(entry.team()).isEqualTo("engineering");
            assertThat(entry.recipient()).isEqualTo("fallback@example.com");
            assertThat(entry.caseId()).isEqualTo("case-r3");
        });
        assertThat(alerts).extracting(n -> n.attributes().get("rule")).containsExactly("detractor", "bug");
    }

    @Test
    void handle_shouldApplyASurveysOwnRule_onlyToThatSurvey() {
        // GIVEN a rule for another survey only
        rules = List.of(new AlertRule("vip", "VIP", "other-survey", "{}", "sales", "high",
                new AlertRule.Actions(null, "immediate", List.of("vip@example.com"), false)));
        // WHEN a demo-nps answer arrives THEN it does nothing
        assertThat(alert.handle(detractor("x"), AT).rules()).isEmpty();
        assertThat(emails).isEmpty();
    }

    @Test
    void handle_shouldDoNothing_whenNoRuleMatches() {
        var outcome = alert.handle(response("r4", 8, "passive", "question", "How do I export?", List.of(), List.of()), AT);
        assertThat(outcome.rules()).isEmpty();
        assertThat(cases.cases).isEmpty();
        assertThat(emails).isEmpty();
        assertThat(alerts).isEmpty();
        assertThat(digests.entries).isEmpty();
    }
}
