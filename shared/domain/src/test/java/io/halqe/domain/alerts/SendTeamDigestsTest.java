package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.fakes.InMemoryAggregates;
import io.halqe.domain.fakes.InMemoryCases;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.fakes.SaturdayWeeks;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.DayKey;
import io.halqe.domain.scoring.ReportingCalendar;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.survey.DemoSurveys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendTeamDigestsTest {

    /** Monday 30 November 2026, 03:00 UTC: ISO week 48 (23–29 November) has closed. */
    private static final Instant AFTER_WEEK_48 = Instant.parse("2026-11-30T03:00:00Z");
    private final InMemoryAggregates aggregates = new InMemoryAggregates();
    private final InMemoryCases cases = new InMemoryCases();
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final TeamDirectory teams = new TeamDirectory() {
        @Override
        public Optional<Team> team(String teamId) {
            return teamId.equals("support") ? Optional.of(new Team("support", "Support <CX>", "lead@example.com"))
                    : Optional.empty();
        }

        @Override
        public void save(Team team) {
        }
    };
    private final SendTeamDigests send = new SendTeamDigests(new InMemorySurveys(DemoSurveys.demoNps()), aggregates,
            cases, teams, emails::add, cases,
            new AlertSettings("support", "fallback@example.com", "https://fb.example.com", ZoneId.of("UTC")));

    /** A directory where every team is named {@code name}, posts to {@code slackUrl} and reads {@code language}. */
    private static TeamDirectory everyTeamReads(String name, String slackUrl, String language) {
        return new TeamDirectory() {
            @Override
            public Optional<Team> team(String teamId) {
                return Optional.of(new Team(teamId, name, "lead@example.com", List.of(), null, slackUrl, language));
            }

            @Override
            public void save(Team team) {
            }
        };
    }

    /** promoters, passives, detractors of one day for the support team, and its themes. */
    private void day(String date, int promoters, int passives, int detractors, Map<String, Integer> themes) {
        long n = promoters + passives + detractors;
        Tally team = new Tally(n, promoters, passives, detractors, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Map<String, Tally> cells = new java.util.HashMap<>(Map.of("all=all", team, "team=support", team));
        themes.forEach((theme, count) -> cells.put("teamTheme=support/" + theme,
                new Tally(count, 0, 0, count, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        aggregates.items.put(new DayKey("demo-nps", LocalDate.parse(date)),
                new AggregateStore.StoredDay(LocalDate.parse(date), 1, cells, Map.of()));
    }

    @Test
    void send_shouldMailEachTeamItsWeek_withScoresChangeThemesAndCases_once() {
        // GIVEN week 47: NPS 0 (10/10/10); week 48: NPS 40 (20/10/0 … with 5 detractors) and themes; earlier weeks empty
        day("2026-11-18", 10, 10, 10, Map.of());
        day("2026-11-25", 20, 5, 5, Map.of("delivery", 4, "price", 1, "<b>ux</b>", 2));
        // AND one overdue and one fresh open case for support
        cases.openIfAbsent(new FollowUpCase("case-late", "r1", "demo-nps", CaseStatus.OPEN, "support", "a@example.com",
                "Detractor (1/10)", 1, null, "en", AFTER_WEEK_48.minus(Duration.ofDays(4)),
                AFTER_WEEK_48.minus(Duration.ofDays(2))));
        cases.openIfAbsent(new FollowUpCase("case-new", "r2", "demo-nps", CaseStatus.OPEN, "support", "a@example.com",
                "Detractor (3/10)", 3, null, "en", AFTER_WEEK_48, AFTER_WEEK_48.plus(Duration.ofDays(2))));
        // WHEN the hourly schedule runs, twice
        assertThat(send.send(AFTER_WEEK_48)).isEqualTo(1);
        assertThat(send.send(AFTER_WEEK_48.plusSeconds(3600))).isZero();
        // THEN the team's owner gets one digest
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("lead@example.com");
            assertThat(email.subject()).isEqualTo("[Halqe] Support <CX> — week 2026-W48");
            // NPS 50 = (20−5)/30; interval and change since week 47 (0)
            assertThat(email.text()).contains("demo-nps: NPS 50 (95% CI ", ", n=30); +50 since last week (0)")
                    .contains("Top themes: delivery (4), <b>ux</b> (2), price (1)")
                    .contains("Open cases: 2, overdue: 1").contains("case-late")
                    .contains("https://fb.example.com/console/cases/case-late").doesNotContain("case-new (");
            // the three themes that cost most, as KeyDrivers computes them: delivery's 4 detractors out of 30 answers
            // cost 73.08 − 50 = 23.08 points (the rest: 20 promoters, 1 detractor in 26), <b>ux</b> 10.71, price 5.17
            assertThat(email.text()).containsSubsequence("What costs the most", "- delivery: +23.1 points (95% CI ",
                    "4 answers, NPS -100", "- <b>ux</b>: +10.7 points", "- price: +5.2 points");
            assertThat(email.html()).contains("<li>&lt;b&gt;ux&lt;/b&gt;: +10.7 points");
            // eight weeks, oldest first: six without answers, then week 47 (NPS 0) and week 48 (NPS 50)
            assertThat(email.text()).contains("······▅▇");
            assertThat(email.html()).contains("Support &lt;CX&gt;").contains("&lt;b&gt;ux&lt;/b&gt;")
                    .doesNotContain("<b>ux</b>").contains("<table role=\"presentation\"");
        });
    }

    @Test
    void send_shouldListThePhrasesEmergingInTheTeamsSurveys_andWriteTheWeeksDaysInTheReportingCalendar() {
        // GIVEN four quiet weeks for support, then week 48 where 6 of 30 answers say "new cups" (and 3 a script)
        for (int week = 1; week <= 4; week++) {
            day(LocalDate.parse("2026-11-25").minusWeeks(week).toString(), 20, 10, 10, Map.of());
        }
        day("2026-11-25", 20, 5, 5, Map.of());
        var week48 = aggregates.items.get(new DayKey("demo-nps", LocalDate.parse("2026-11-25")));
        Map<String, Tally> cells = new java.util.HashMap<>(week48.cells());
        cells.put("phrase=en:new cups", new Tally(6, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        cells.put("phrase=en:<script>", new Tally(3, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        aggregates.items.put(new DayKey("demo-nps", LocalDate.parse("2026-11-25")),
                new AggregateStore.StoredDay(week48.day(), 1, cells, Map.of()));
        // AND teams that read dates in another calendar (here one that marks each day it writes)
        ReportingCalendar marked = new ReportingCalendar() {
            public String id() {
                return "marked";
            }

            public LocalDate weekStart(LocalDate day) {
                return ReportingCalendar.GREGORIAN.weekStart(day);
            }

            public LocalDate monthStart(LocalDate day) {
                return ReportingCalendar.GREGORIAN.monthStart(day);
            }

            public LocalDate nextMonth(LocalDate monthStart) {
                return ReportingCalendar.GREGORIAN.nextMonth(monthStart);
            }

            public String monthLabel(LocalDate monthStart) {
                return "M" + monthStart;
            }

            public String formatDate(LocalDate day) {
                return "D" + day;
            }
        };
        var sendMarked = new SendTeamDigests(new InMemorySurveys(DemoSurveys.demoNps()), aggregates, cases, teams,
                emails::add, cases, new AlertSettings("support", "fallback@example.com", null, ZoneId.of("UTC"), marked));
        // WHEN the week's digest goes out
        assertThat(sendMarked.send(AFTER_WEEK_48)).isEqualTo(1);
        // THEN it names the week's days in that calendar and lists both phrases, steepest rise first, escaped in HTML
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.text()).startsWith("Support <CX> — week 2026-W48 (D2026-11-23 to D2026-11-29)")
                    .containsSubsequence("New this week in demo-nps", "- \"new cups\" (en): 6 answers, 20% (before: 0%)",
                            "- \"<script>\" (en): 3 answers, 10% (before: 0%)");
            assertThat(email.html()).contains("&quot;&lt;script&gt;&quot; (en): 3 answers").doesNotContain("<script>");
        });
    }

    @Test
    void send_shouldPostTheWeekToTheTeamsSlackInItsLanguage_once_andRetryAPostThatFailed() {
        // GIVEN week 48 for support, whose team reads Slack in Arabic, and a Slack that fails the first post
        day("2026-11-25", 20, 5, 5, Map.of("delivery", 4));
        cases.openIfAbsent(new FollowUpCase("case-late", "r1", "demo-nps", CaseStatus.OPEN, "support", "a@example.com",
                "Detractor (1/10)", 1, null, "en", AFTER_WEEK_48.minus(Duration.ofDays(4)),
                AFTER_WEEK_48.minus(Duration.ofDays(2))));
        TeamDirectory arabic = everyTeamReads("الدعم", "https://hooks.slack.example/services/T/B/x", "ar");
        List<io.halqe.domain.core.ChatMessage> posted = new ArrayList<>();
        int[] failures = {1};
        var sendToSlack = new SendTeamDigests(new InMemorySurveys(DemoSurveys.demoNps()), aggregates, cases, arabic,
                emails::add, cases, new AlertSettings("support", "fallback@example.com", "https://fb.example.com",
                ZoneId.of("UTC")), (url, message) -> {
                    if (failures[0]-- > 0) {
                        throw new IllegalStateException("Slack answered HTTP 503");
                    }
                    posted.add(message);
                });
        // WHEN the hourly schedule runs three times
        sendToSlack.send(AFTER_WEEK_48);
        sendToSlack.send(AFTER_WEEK_48.plusSeconds(3600));
        sendToSlack.send(AFTER_WEEK_48.plusSeconds(7200));
        // THEN the email went once, and Slack got the week once, on the run after the failed post, in Arabic
        assertThat(emails).hasSize(1);
        assertThat(posted).singleElement().satisfies(message -> {
            assertThat(message.title()).isEqualTo("الملخص الأسبوعي · الدعم · ٢٠٢٦-W٤٨");
            assertThat(message.fields()).containsExactly(new io.halqe.domain.core.ChatMessage.Field("NPS · demo-nps",
                    "+٥٠ (n=٣٠)"), new io.halqe.domain.core.ChatMessage.Field("الحالات المفتوحة", "١"),
                    new io.halqe.domain.core.ChatMessage.Field("متأخرة", "١"));
            assertThat(message.context()).isEqualTo("أبرز المواضيع: delivery");
            assertThat(message.link().url()).isEqualTo("https://fb.example.com/console/");
        });
    }

    @Test
    void send_shouldReportTheWeekFromSaturdayToFriday_whenTheReportingCalendarStartsWeeksOnSaturday() {
        // GIVEN teams whose calendar runs weeks Saturday to Friday: Friday 20 November all detractors (the week
        // before), Saturday 21 all promoters, Friday 27 half and half (both in the week 21–27)
        day("2026-11-20", 0, 0, 10, Map.of());
        day("2026-11-21", 10, 0, 0, Map.of());
        day("2026-11-27", 5, 0, 5, Map.of());
        var sendSaturdayWeeks = new SendTeamDigests(new InMemorySurveys(DemoSurveys.demoNps()), aggregates, cases,
                teams, emails::add, cases, new AlertSettings("support", "fallback@example.com", null, ZoneId.of("UTC"),
                        new SaturdayWeeks()));
        // WHEN the hourly runs come on Friday 27 November, then on Saturday 28 after the grace
        sendSaturdayWeeks.send(Instant.parse("2026-11-27T23:00:00Z"));
        sendSaturdayWeeks.send(Instant.parse("2026-11-28T03:00:00Z"));
        // THEN Friday's run reports the week that ended on Friday 20, and the week 21–27 goes out once it is over:
        // NPS 50 over its 20 answers, against −100 the week before
        assertThat(emails).extracting(Mailer.Email::subject).containsExactly(
                "[Halqe] Support <CX> — week S2026-11-14", "[Halqe] Support <CX> — week S2026-11-21");
        assertThat(emails.get(1).text()).startsWith("Support <CX> — week S2026-11-21 (D2026-11-21 to D2026-11-27)")
                .contains("demo-nps: NPS 50 (95% CI ", ", n=20, low sample); +150 since last week (-100)");
    }

    @Test
    void send_shouldWriteTheDigestInTheTeamsLanguageAndDigits_rightToLeft_whenTheTeamReadsPersian() {
        // GIVEN week 47: NPS 0 (10/10/10); week 48: NPS 50 (20/5/5) with 4 answers about delivery; one overdue case
        day("2026-11-18", 10, 10, 10, Map.of());
        day("2026-11-25", 20, 5, 5, Map.of("delivery", 4));
        cases.openIfAbsent(new FollowUpCase("case-late", "r1", "demo-nps", CaseStatus.OPEN, "support", "a@example.com",
                "Detractor (1/10)", 1, null, "en", AFTER_WEEK_48.minus(Duration.ofDays(4)),
                AFTER_WEEK_48.minus(Duration.ofDays(2))));
        // AND the team reads Persian
        TeamDirectory persian = everyTeamReads("پشتیبانی", null, "fa");
        var sendPersian = new SendTeamDigests(new InMemorySurveys(DemoSurveys.demoNps()), aggregates, cases, persian,
                emails::add, cases, new AlertSettings("support", "fallback@example.com", null, ZoneId.of("UTC")));
        // WHEN the week's digest goes out
        sendPersian.send(AFTER_WEEK_48);
        // THEN its words are Persian, its figures and dates in Persian digits, its HTML right to left; the case's own
        // reason and the survey's id are left as they were written
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.subject()).isEqualTo("[Halqe] پشتیبانی — هفته ۲۰۲۶-W۴۸");
            assertThat(email.text()).startsWith("پشتیبانی — هفته ۲۰۲۶-W۴۸ (۲۰۲۶-۱۱-۲۳ تا ۲۰۲۶-۱۱-۲۹)")
                    .contains("demo-nps: NPS ۵۰ (بازهٔ اطمینان ۹۵٪: ", "، n=۳۰)؛ +۵۰ نسبت به هفتهٔ قبل (۰)")
                    .contains("موضوع‌های اصلی: delivery (۴)").contains("پرونده‌های باز: ۱، دیرکرد: ۱")
                    .contains("case-late (Detractor (1/10))، مسئول a@example.com، موعد ۲۰۲۶-۱۱-۲۸T۰۳:۰۰:۰۰Z");
            assertThat(email.html()).startsWith("<!doctype html><html lang=\"fa\" dir=\"rtl\"><body")
                    .contains("<h2 style=\"font-size:16px\">پشتیبانی — هفته ۲۰۲۶-W۴۸");
        });
    }

    @Test
    void send_shouldWaitUntilTheWeekIsOver() {
        day("2026-11-25", 20, 5, 5, Map.of());
        assertThat(send.send(Instant.parse("2026-11-29T23:00:00Z"))).isZero();
        assertThat(emails).isEmpty();
    }

    @Test
    void preview_shouldBuildTheWeekSoFarAsTheScheduleWould_andSendNothing_whenAskedMidWeek() {
        // GIVEN Wednesday of week 48 with support's answers of Monday, and week 47
        day("2026-11-18", 10, 10, 10, Map.of());
        day("2026-11-23", 20, 5, 5, Map.of("delivery", 4));
        Instant wednesday = Instant.parse("2026-11-25T12:00:00Z");
        // WHEN support's digest is previewed
        var preview = send.preview("support", wednesday);
        // THEN it is week 48's digest so far, to the team's owner, and nothing is sent or claimed
        assertThat(preview).hasValueSatisfying(shown -> {
            assertThat(shown.week()).isEqualTo("2026-W48");
            assertThat(shown.email().to()).containsExactly("lead@example.com");
            assertThat(shown.email().subject()).isEqualTo("[Halqe] Support <CX> — week 2026-W48");
            assertThat(shown.email().text()).contains("demo-nps: NPS 50 (95% CI ").contains("Top themes: delivery (4)");
        });
        assertThat(emails).isEmpty();
        assertThat(send.send(AFTER_WEEK_48)).isEqualTo(1);
    }

    @Test
    void preview_shouldSayTheTeamHadNoAnswers_whenAKnownTeamHasNone_andFindNoTeamNobodyKnows() {
        // GIVEN no answers at all
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        // WHEN a known and an unknown team's digests are previewed
        var known = send.preview("support", now);
        var unknown = send.preview("nobody", now);
        // THEN the known team's says so, to its owner; there is no digest of a team nobody knows
        assertThat(known).hasValueSatisfying(shown -> assertThat(shown.email().text())
                .contains("No answers routed to the team in the last 8 weeks.").contains("Open cases: 0, overdue: 0"));
        assertThat(unknown).isEmpty();
    }
}
