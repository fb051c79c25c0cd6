package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.halqe.domain.events.DomainEvent;
import io.halqe.domain.events.ScoreShifted;
import io.halqe.domain.fakes.InMemoryAggregates;
import io.halqe.domain.fakes.SaturdayWeeks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectShiftsTest {

    private static final LocalDate LAST_MONDAY = LocalDate.parse("2026-11-16");
    private static final LocalDate THIS_MONDAY = LocalDate.parse("2026-11-23");
    private final InMemoryAggregates store = new InMemoryAggregates();
    private final List<DomainEvent> published = new ArrayList<>();
    private final Set<String> claimed = new HashSet<>();
    private final io.halqe.domain.core.DeliveryLedger ledger = new io.halqe.domain.core.DeliveryLedger() {
        @Override
        public boolean claim(String key, java.time.Instant at) {
            return claimed.add(key);
        }

        @Override
        public void release(String key) {
            claimed.remove(key);
        }

        @Override
        public boolean claimed(String key, java.time.Instant at) {
            return claimed.contains(key);
        }
    };
    private final DetectShifts detect = new DetectShifts(store, published::addAll, ledger);

    private void week(LocalDate monday, long promoters, long passives, long detractors) {
        Tally tally = new Tally(promoters + passives + detractors, promoters, passives, detractors, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        store.add(new DayKey("s1", monday.plusDays(1)), null, Map.of(ScoreResponses.ALL, tally), Map.of(0, "1"));
    }

    @Test
    void check_shouldAnnounceASignificantDropOnce_withBothWeeksFigures() {
        // GIVEN NPS +40 last week (60/20/20 of 100) and -20 this week (30/20/50 of 100)
        week(LAST_MONDAY, 60, 20, 20);
        week(THIS_MONDAY, 30, 20, 50);
        // WHEN checked twice (two batches)
        var first = detect.check(Set.of("s1"), THIS_MONDAY.plusDays(2));
        var second = detect.check(Set.of("s1"), THIS_MONDAY.plusDays(3));
        // THEN one ScoreShifted, down, with before/after and z from the normal approximation
        assertThat(second).isEmpty();
        assertThat(published).singleElement().isInstanceOfSatisfying(ScoreShifted.class, shift -> {
            assertThat(shift.direction()).isEqualTo("down");
            assertThat(shift.period()).isEqualTo("2026-W48");
            assertThat(shift.before().score()).isEqualTo(40.0);
            assertThat(shift.after().score()).isEqualTo(-20.0);
            double v1 = (0.6 + 0.2 - 0.16) / 100;
            double v2 = (0.3 + 0.5 - 0.04) / 100;
            assertThat(shift.z()).isCloseTo(-0.6 / Math.sqrt(v1 + v2), within(0.01));
        });
        assertThat(first).hasSize(1);
    }

    @Test
    void check_shouldCompareWeeksFromSaturday_whenTheReportingCalendarStartsThemThen() {
        // GIVEN NPS +40 on Friday 20 November and -20 on Saturday 21 (one ISO week, two weeks from Saturday)
        Tally before = new Tally(100, 60, 20, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Tally after = new Tally(100, 30, 20, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        store.add(new DayKey("s1", LocalDate.parse("2026-11-20")), null, Map.of(ScoreResponses.ALL, before), Map.of(0, "1"));
        store.add(new DayKey("s1", LocalDate.parse("2026-11-21")), null, Map.of(ScoreResponses.ALL, after), Map.of(0, "2"));
        // WHEN checked on Tuesday 24 November with weeks from Saturday, and with ISO weeks
        var saturdayWeeks = new DetectShifts(store, published::addAll, ledger, new SaturdayWeeks())
                .check(Set.of("s1"), LocalDate.parse("2026-11-24"));
        var isoWeeks = detect.check(Set.of("s1"), LocalDate.parse("2026-11-24"));
        // THEN weeks from Saturday see the drop, named and bounded as that calendar has them; ISO weeks see one week
        assertThat(saturdayWeeks).singleElement().satisfies(shift -> {
            assertThat(shift.direction()).isEqualTo("down");
            assertThat(shift.period()).isEqualTo("S2026-11-21");
            assertThat(shift.before().period()).isEqualTo("S2026-11-14");
            assertThat(shift.before().score()).isEqualTo(40.0);
            assertThat(shift.after().score()).isEqualTo(-20.0);
        });
        assertThat(isoWeeks).isEmpty();
    }

    @Test
    void check_shouldStayQuiet_whenTheChangeIsWithinNoiseOrTheSampleIsSmall() {
        week(LAST_MONDAY, 50, 30, 20);
        week(THIS_MONDAY, 47, 30, 23);
        assertThat(detect.check(Set.of("s1"), THIS_MONDAY)).isEmpty();
        InMemoryAggregates small = new InMemoryAggregates();
        small.add(new DayKey("s2", LAST_MONDAY), null, Map.of(ScoreResponses.ALL,
                new Tally(20, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of(0, "1"));
        small.add(new DayKey("s2", THIS_MONDAY), null, Map.of(ScoreResponses.ALL,
                new Tally(20, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0)), Map.of(0, "1"));
        assertThat(new DetectShifts(small, published::addAll, ledger).check(Set.of("s2"), THIS_MONDAY)).isEmpty();
        assertThat(published).isEmpty();
    }
}
