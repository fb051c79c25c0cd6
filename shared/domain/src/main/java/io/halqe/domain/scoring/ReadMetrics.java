package io.halqe.domain.scoring;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores over a range of days: the overall tally, one per value of a dimension ({@code groupBy}, e.g. plan), and a
 * series per day, ISO week (starting Monday) or month. Reads O(days in range), whatever the number of responses.
 */
public final class ReadMetrics {

    public enum Interval { DAY, WEEK, MONTH }

    public record Group(String key, Tally tally) {
    }

    public record Point(LocalDate start, Tally tally) {
    }

    public record Result(Tally overall, List<Group> groups, List<Point> series) {
    }

    private final AggregateStore store;

    public ReadMetrics(AggregateStore store) {
        this.store = store;
    }

    public Result read(String surveyId, LocalDate from, LocalDate to, String groupBy, Interval interval) {
        Tally overall = Tally.EMPTY;
        Map<String, Tally> groups = new TreeMap<>();
        Map<LocalDate, Tally> series = new TreeMap<>();
        for (AggregateStore.StoredDay day : store.days(surveyId, from, to)) {
            Tally all = day.cells().getOrDefault(ScoreResponses.ALL, Tally.EMPTY);
            overall = overall.plus(all);
            if (interval != null) {
                series.merge(start(day.day(), interval), all, Tally::plus);
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
        series.forEach((start, tally) -> points.add(new Point(start, tally)));
        return new Result(overall, groupList, points);
    }

    static LocalDate start(LocalDate day, Interval interval) {
        return switch (interval) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }
}
