package io.halqe.domain.scoring;

import io.halqe.domain.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes an erased person's answer back out of the score cells named by their hidden fields (an order id is a cell of
 * its own) and by their comment's phrases (a name): those cells lose the answer's counts, and vanish when nothing is
 * left in them. The other cells — all answers, language, team, theme — keep it, so the survey's figures do not change.
 */
public final class ForgetResponseCells {

    private static final int ATTEMPTS = 10;

    private final AggregateStore aggregates;
    private final ZoneId reportingZone;

    public ForgetResponseCells(AggregateStore aggregates, ZoneId reportingZone) {
        this.aggregates = aggregates;
        this.reportingZone = reportingZone;
    }

    /** The number of cells changed; 0 for an answer that was never scored or names no one. */
    public int forget(Response response) {
        java.util.Set<String> personal = ScoreCells.personalCells(response);
        if (response.enrichment() == null || personal.isEmpty()) {
            return 0;
        }
        DayKey day = new DayKey(response.surveyId(), LocalDate.ofInstant(response.submittedAt(), reportingZone));
        Tally counted = Tally.of(response.answers()).negated();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AggregateStore.StoredDay stored = aggregates.load(List.of(day)).get(day);
            if (stored == null) {
                return 0;
            }
            Map<String, Tally> delta = new LinkedHashMap<>();
            personal.stream().filter(stored.cells()::containsKey)
                    .forEach(cell -> delta.put(cell, counted));
            if (delta.isEmpty() || aggregates.add(day, stored, delta, Map.of())) {
                return delta.size();
            }
        }
        throw new IllegalStateException("the day " + day + " kept changing; the erasure will be retried");
    }
}
