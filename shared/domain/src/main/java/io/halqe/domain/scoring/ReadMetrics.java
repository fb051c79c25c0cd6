package io.halqe.domain.scoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * Scores over a range of days: the overall tally, one per value of a dimension ({@code groupBy}, e.g. plan), and a
 * series per day, week or month of the reporting calendar (ISO weeks from Monday, or Solar Hijri months and weeks
 * from Saturday) with every bucket of the range, empty ones included (a chart
 * must not join the points either side of a quiet week). Reads O(days in range), whatever the number of responses.
 */
public final class ReadMetrics {

    public enum Interval { DAY, WEEK, MONTH }

    public record Group(String key, Tally tally) {
    }

    public record Point(LocalDate start, Tally tally) {
    }

    /** {@code dimensions}: every dimension some answer in the range counts in, for telling an unknown one apart. */
    /** {@code invited}: the answers through an invitation among them (all answers' reads only; null when filtered). */
    public record Result(Tally overall, List<Group> groups, List<Point> series, Set<String> dimensions, Tally invited) {

        public Result(Tally overall, List<Group> groups, List<Point> series, Set<String> dimensions) {
            this(overall, groups, series, dimensions, null);
        }
    }

    /** The most buckets a series may have: a daily series over more than about three years is refused. */
    public static final int MAX_POINTS = 1_200;

    private final AggregateStore store;

    public ReadMetrics(AggregateStore store) {
        this.store = store;
    }

    public Result read(String surveyId, LocalDate from, LocalDate to, String groupBy, Interval interval) {
        return read(surveyId, from, to, groupBy, interval, ReportingCalendar.GREGORIAN);
    }

    /** Weeks and months as {@code calendar} has them (a Solar Hijri month, a week from Saturday). */
    public Result read(String surveyId, LocalDate from, LocalDate to, String groupBy, Interval interval,
                       ReportingCalendar calendar) {
        return read(surveyId, from, to, groupBy, interval, calendar, ScoreResponses.ALL);
    }

    /**
     * The overall tally and the series of the answers in one cell only ({@code where}: {@code plan=enterprise}),
     * read from that cell's own counters; the day items count each dimension alone, so a filtered read has no groups.
     */
    public Result read(String surveyId, LocalDate from, LocalDate to, String groupBy, Interval interval,
                       ReportingCalendar calendar, String where) {
        if (groupBy != null && !ScoreResponses.ALL.equals(where)) {
            throw new IllegalArgumentException("a read filtered to " + where + " cannot be grouped");
        }
        Tally overall = Tally.EMPTY;
        Tally invited = Tally.EMPTY;
        Map<String, Tally> groups = new TreeMap<>();
        TreeMap<LocalDate, Tally> series = new TreeMap<>();
        Set<String> dimensions = new TreeSet<>();
        for (AggregateStore.StoredDay day : store.days(surveyId, from, to)) {
            day.cells().keySet().forEach(cell -> dimensions.add(ScoreResponses.dimension(cell)));
            Tally all = day.cells().getOrDefault(where, Tally.EMPTY);
            overall = overall.plus(all);
            invited = invited.plus(day.cells().getOrDefault(ScoreCells.INVITED, Tally.EMPTY));
            if (interval != null) {
                series.merge(start(day.day(), interval, calendar), all, Tally::plus);
            }
            if (groupBy != null) {
                day.cells().forEach((cell, tally) -> {
                    if (ScoreResponses.dimension(cell).equals(groupBy)) {
                        groups.merge(ScoreResponses.value(cell), tally, Tally::plus);
                    }
                });
            }
        }
        List<Group> groupList = new ArrayList<>();
        groups.forEach((key, tally) -> groupList.add(new Group(key, tally)));
        List<Point> points = new ArrayList<>();
        if (interval != null) {
            LocalDate first = from != null ? from : series.isEmpty() ? null : series.firstKey();
            LocalDate last = to != null ? to : series.isEmpty() ? null : series.lastKey();
            if (first != null && last != null) {
                for (LocalDate start = start(first, interval, calendar); !start.isAfter(last);
                     start = next(start, interval, calendar)) {
                    points.add(new Point(start, series.getOrDefault(start, Tally.EMPTY)));
                }
            }
        }
        return new Result(overall, groupList, points, dimensions, ScoreResponses.ALL.equals(where) ? invited : null);
    }

    /** How many buckets a series from {@code from} to {@code to} has. */
    public static long points(LocalDate from, LocalDate to, Interval interval, ReportingCalendar calendar) {
        LocalDate first = start(from, interval, calendar);
        return switch (interval) {
            case DAY -> ChronoUnit.DAYS.between(first, to) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, to) + 1;
            // months differ in length between calendars; about 30 days each is close enough to bound a request
            case MONTH -> ChronoUnit.DAYS.between(first, to) / 29 + 1;
        };
    }

    private static LocalDate next(LocalDate start, Interval interval, ReportingCalendar calendar) {
        return switch (interval) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> calendar.nextMonth(start);
        };
    }

    static LocalDate start(LocalDate day, Interval interval, ReportingCalendar calendar) {
        return switch (interval) {
            case DAY -> day;
            case WEEK -> calendar.weekStart(day);
            case MONTH -> calendar.monthStart(day);
        };
    }
}
