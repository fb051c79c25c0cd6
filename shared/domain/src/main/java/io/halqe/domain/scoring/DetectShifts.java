package io.halqe.domain.scoring;

import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.events.EventPublisher;
import io.halqe.domain.events.ScoreShifted;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Week over week, per survey: is this week's NPS (the reporting calendar's week: ISO from Monday, or from Saturday)
 * significantly different from last week's? A two-sample z-test
 * on the difference of the two NPS, each with variance (p + d - (p - d)^2) / n; both weeks need
 * {@link Metrics#LOW_SAMPLE} answers, and |z| must reach {@link #Z_CRITICAL} (95%, two-sided). Each shift is announced
 * once per survey, week and direction, however often batches re-check it.
 */
public final class DetectShifts {

    public static final double Z_CRITICAL = 1.959963984540054;

    private final AggregateStore store;
    private final EventPublisher events;
    private final DeliveryLedger ledger;
    private final ReportingCalendar calendar;

    /** Weeks as the Gregorian calendar has them: ISO weeks from Monday. */
    public DetectShifts(AggregateStore store, EventPublisher events, DeliveryLedger ledger) {
        this(store, events, ledger, ReportingCalendar.GREGORIAN);
    }

    /** {@code ledger} remembers announced shifts (claims outlive the week they are about). */
    public DetectShifts(AggregateStore store, EventPublisher events, DeliveryLedger ledger, ReportingCalendar calendar) {
        this.store = store;
        this.events = events;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    public List<ScoreShifted> check(Set<String> surveyIds, LocalDate today) {
        LocalDate thisWeek = calendar.weekStart(today);
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        List<ScoreShifted> shifts = new ArrayList<>();
        for (String surveyId : surveyIds) {
            Tally before = Tally.EMPTY;
            Tally after = Tally.EMPTY;
            for (AggregateStore.StoredDay day : store.days(surveyId, lastWeek, thisWeek.plusDays(6))) {
                Tally all = day.cells().getOrDefault(ScoreResponses.ALL, Tally.EMPTY);
                if (day.day().isBefore(thisWeek)) {
                    before = before.plus(all);
                } else {
                    after = after.plus(all);
                }
            }
            shift(surveyId, before, after, lastWeek, thisWeek, calendar).ifPresent(shift -> {
                if (ledger.claim("shift#" + surveyId + "#" + shift.metric() + "#" + shift.period() + "#" + shift.direction(),
                        today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
                    shifts.add(shift);
                }
            });
        }
        if (!shifts.isEmpty()) {
            events.publish(shifts);
        }
        return shifts;
    }

    static java.util.Optional<ScoreShifted> shift(String surveyId, Tally before, Tally after, LocalDate lastWeek,
                                                  LocalDate thisWeek, ReportingCalendar calendar) {
        long n1 = before.npsN();
        long n2 = after.npsN();
        if (n1 < Metrics.LOW_SAMPLE || n2 < Metrics.LOW_SAMPLE) {
            return java.util.Optional.empty();
        }
        double s1 = share(before.promoters(), n1) - share(before.detractors(), n1);
        double s2 = share(after.promoters(), n2) - share(after.detractors(), n2);
        double v1 = (share(before.promoters(), n1) + share(before.detractors(), n1) - s1 * s1) / n1;
        double v2 = (share(after.promoters(), n2) + share(after.detractors(), n2) - s2 * s2) / n2;
        if (v1 + v2 == 0) {
            return java.util.Optional.empty();
        }
        double z = (s2 - s1) / Math.sqrt(v1 + v2);
        if (Math.abs(z) < Z_CRITICAL) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ScoreShifted(ScoreShifted.VERSION, surveyId, "nps",
                calendar.weekLabel(thisWeek), z > 0 ? "up" : "down", figure(before, lastWeek, calendar),
                figure(after, thisWeek, calendar), Math.round(z * 100) / 100.0));
    }

    private static ScoreShifted.Figure figure(Tally tally, LocalDate firstDay, ReportingCalendar calendar) {
        Metrics.Nps nps = Metrics.nps(tally);
        return new ScoreShifted.Figure(calendar.weekLabel(firstDay), firstDay.toString(), firstDay.plusDays(6).toString(),
                nps.score(), nps.n(), nps.ci95());
    }

    private static double share(long count, long n) {
        return (double) count / n;
    }
}
