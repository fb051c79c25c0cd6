package io.halqe.domain.alerts;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.ChatPoster;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.core.Page;
import io.halqe.domain.scoring.AggregateStore;
import io.halqe.domain.scoring.EmergingTopics;
import io.halqe.domain.scoring.ScoreCells;
import io.halqe.domain.scoring.ScoreResponses;
import io.halqe.domain.scoring.KeyDrivers;
import io.halqe.domain.scoring.ReadMetrics;
import io.halqe.domain.scoring.Tally;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each team's weekly digest, once the reporting calendar's week (ISO from Monday, or Persian from Saturday; in the
 * reporting zone) has been over for {@link SendDigests#GRACE}: per
 * survey the team's NPS with its 95% interval and the change since the week before, an eight-week trend chart, the
 * team's top themes, the phrases emerging in those surveys' comments ({@link EmergingTopics}, survey-wide: a new
 * problem is news to every team that answers for the survey), and its open and overdue cases. One email per
 * (team, week), claimed in the delivery ledger.
 */
public final class SendTeamDigests {

    static final int WEEKS = 8;
    private static final int PAGE = 100;
    private static final List<CaseStatus> UNRESOLVED = List.of(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED,
            CaseStatus.IN_PROGRESS);

    private final SurveyRepository surveys;
    private final AggregateStore aggregates;
    private final CaseRepository cases;
    private final TeamDirectory teams;
    private final Mailer mailer;
    private final DeliveryLedger ledger;
    private final AlertSettings settings;
    private final ChatPoster chat;

    public SendTeamDigests(SurveyRepository surveys, AggregateStore aggregates, CaseRepository cases,
                           TeamDirectory teams, Mailer mailer, DeliveryLedger ledger, AlertSettings settings) {
        this(surveys, aggregates, cases, teams, mailer, ledger, settings, (url, message) -> {
            throw new IllegalStateException("no chat is wired to these digests");
        });
    }

    /** {@code chat}: where a team with a Slack URL also gets its digest, once a week like the email. */
    public SendTeamDigests(SurveyRepository surveys, AggregateStore aggregates, CaseRepository cases,
                           TeamDirectory teams, Mailer mailer, DeliveryLedger ledger, AlertSettings settings,
                           ChatPoster chat) {
        this.chat = chat;
        this.surveys = surveys;
        this.aggregates = aggregates;
        this.cases = cases;
        this.teams = teams;
        this.mailer = mailer;
        this.ledger = ledger;
        this.settings = settings;
    }

    /**
     * For {@link #preview} alone (the admin API): with no mailer and no ledger, so nothing can be sent or claimed.
     */
    public static SendTeamDigests previews(SurveyRepository surveys, AggregateStore aggregates, CaseRepository cases,
                                           TeamDirectory teams, AlertSettings settings) {
        return new SendTeamDigests(surveys, aggregates, cases, teams, email -> {
            throw new IllegalStateException("a digest preview sends nothing");
        }, new DeliveryLedger() {
            @Override
            public boolean claim(String key, Instant at) {
                throw new IllegalStateException("a digest preview claims nothing");
            }

            @Override
            public void release(String key) {
                throw new IllegalStateException("a digest preview claims nothing");
            }

            @Override
            public boolean claimed(String key, Instant at) {
                throw new IllegalStateException("a digest preview claims nothing");
            }
        }, settings);
    }

    /** One team's week: per survey, NPS tallies of the last {@link #WEEKS} weeks (index 0 = the week reported). */
    /**
     * {@code themes}: this week's tally of the team's own answers per theme, every survey together;
     * {@code emerging}: per survey of the team, the phrases emerging this week that its themes do not cover.
     */
    record TeamWeek(String team, Map<String, Tally[]> weeksBySurvey, Map<String, Tally> themes,
                    List<FollowUpCase> unresolved, Map<String, List<EmergingTopics.Topic>> emerging) {
    }

    /** A team's digest as it would be sent, and the week it covers as the reporting calendar numbers it. */
    public record Preview(String week, Mailer.Email email) {
    }

    /** Returns how many team digests went out. */
    public int send(Instant now) {
        Instant weekStart = DigestPeriod.WEEKLY.previousStart(now.minus(SendDigests.GRACE), settings.reportingZone(),
                settings.calendar());
        String weekKey = DigestPeriod.WEEKLY.key(weekStart, settings.reportingZone(), settings.calendar());
        LocalDate firstDay = weekStart.atZone(settings.reportingZone()).toLocalDate();
        int sent = 0;
        for (TeamWeek week : weeks(firstDay).values()) {
            Team team = teams.team(week.team()).orElse(new Team(week.team(), week.team(), null));
            if (ledger.once("team-digest#" + week.team() + "#" + weekKey, now,
                    () -> mailer.send(email(team, weekKey, firstDay, week, now)))) {
                sent++;
            }
            if (team.slackWebhookUrl() != null) {
                try {
                    ledger.once("team-digest-chat#" + week.team() + "#" + weekKey, now, () -> chat.post(
                            team.slackWebhookUrl(), ChatAlerts.weekly(team, weekKey, week, now, settings)));
                } catch (RuntimeException chatDown) {
                    // given back to the ledger: the next hourly run posts it; the other teams' digests go on
                }
            }
        }
        return sent;
    }

    /**
     * The digest the team would get for the week so far (the one sent once this week is over), built as the schedule
     * builds it; nothing is sent or claimed. Empty for a team the directory does not know and no answer was routed to.
     */
    public Optional<Preview> preview(String teamId, Instant now) {
        Instant weekStart = DigestPeriod.WEEKLY.start(now, settings.reportingZone(), settings.calendar());
        String weekKey = DigestPeriod.WEEKLY.key(weekStart, settings.reportingZone(), settings.calendar());
        LocalDate firstDay = weekStart.atZone(settings.reportingZone()).toLocalDate();
        Map<String, TeamWeek> weeks = weeks(firstDay);
        var known = teams.team(teamId);
        if (known.isEmpty() && !weeks.containsKey(teamId)) {
            return Optional.empty();
        }
        Team team = known.orElse(new Team(teamId, teamId, null));
        TeamWeek week = weeks.getOrDefault(teamId, week(new TreeMap<>(), teamId));
        return Optional.of(new Preview(weekKey, email(team, weekKey, firstDay, week, now)));
    }

    private Mailer.Email email(Team team, String weekKey, LocalDate firstDay, TeamWeek week, Instant now) {
        String to = team.ownerEmail() == null || team.ownerEmail().isBlank() ? settings.defaultOwnerEmail()
                : team.ownerEmail();
        return TeamDigestEmail.of(team, to, weekKey, firstDay, week, now, settings);
    }

    /** Every team's week starting {@code firstDay}, with the seven weeks before it, and the teams' unresolved cases. */
    private Map<String, TeamWeek> weeks(LocalDate firstDay) {
        Map<String, TeamWeek> weeks = new TreeMap<>();
        Map<String, List<EmergingTopics.Topic>> emerging = new TreeMap<>();
        for (Survey survey : Page.all(cursor -> surveys.list(PAGE, cursor))) {
            List<AggregateStore.StoredDay> days = aggregates.days(survey.id(), firstDay.minusWeeks(WEEKS - 1),
                    firstDay.plusDays(6));
            emerging.put(survey.id(), EmergingTopics.notCoveredBy(survey.themes(),
                    EmergingTopics.of(days, firstDay.plusDays(6))));
            for (AggregateStore.StoredDay day : days) {
                int index = (int) ChronoUnit.WEEKS.between(day.day(), firstDay.plusDays(6));
                day.cells().forEach((cell, tally) -> {
                    String dimension = ScoreResponses.dimension(cell);
                    String value = ScoreResponses.value(cell);
                    if (dimension.equals("team")) {
                        Tally[] series = week(weeks, value).weeksBySurvey()
                                .computeIfAbsent(survey.id(), s -> emptySeries());
                        series[index] = series[index].plus(tally);
                    } else if (dimension.equals(ScoreCells.TEAM_THEME) && index == 0 && value.contains("/")) {
                        String team = value.substring(0, value.indexOf('/'));
                        week(weeks, team).themes().merge(value.substring(value.indexOf('/') + 1), tally, Tally::plus);
                    }
                });
            }
        }
        for (CaseStatus status : UNRESOLVED) {
            for (FollowUpCase open : Page.all(cursor -> cases.list(status, null, null, PAGE, cursor))) {
                week(weeks, open.team()).unresolved().add(open);
            }
        }
        weeks.values().forEach(week -> week.weeksBySurvey().keySet().forEach(surveyId -> {
            if (!emerging.getOrDefault(surveyId, List.of()).isEmpty()) {
                week.emerging().put(surveyId, emerging.get(surveyId));
            }
        }));
        return weeks;
    }

    private static TeamWeek week(Map<String, TeamWeek> weeks, String team) {
        return weeks.computeIfAbsent(team, t -> new TeamWeek(t, new TreeMap<>(), new TreeMap<>(), new ArrayList<>(),
                new TreeMap<>()));
    }

    private static Tally[] emptySeries() {
        Tally[] series = new Tally[WEEKS];
        java.util.Arrays.fill(series, Tally.EMPTY);
        return series;
    }

    /** The team's top themes of the week, most answers first. */
    static List<Map.Entry<String, Long>> topThemes(TeamWeek week, int limit) {
        return week.themes().entrySet().stream().map(theme -> Map.entry(theme.getKey(), theme.getValue().responses()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
    }

    /**
     * The themes that cost the team's NPS most this week ({@link KeyDrivers} over the team's own answers, every
     * survey together): those with a positive impact, the costliest first.
     */
    static List<KeyDrivers.Driver> topDrivers(TeamWeek week, int limit) {
        Tally thisWeek = week.weeksBySurvey().values().stream().map(series -> series[0]).reduce(Tally.EMPTY, Tally::plus);
        List<ReadMetrics.Group> groups = week.themes().entrySet().stream()
                .map(theme -> new ReadMetrics.Group(theme.getKey(), theme.getValue())).toList();
        return KeyDrivers.of(thisWeek, groups).stream().filter(driver -> driver.impact() != null && driver.impact() > 0)
                .limit(limit).toList();
    }
}
