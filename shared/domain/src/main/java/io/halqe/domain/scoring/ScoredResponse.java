package io.halqe.domain.scoring;

import java.time.LocalDate;
import java.util.Set;

/**
 * A response as the scoring stream delivers it: where it lives (partition, stream position), its day in the
 * reporting time zone, the cells it counts in (e.g. {@code all=all}, {@code plan=pro}, {@code theme=delivery}) and
 * what it adds to each.
 */
public record ScoredResponse(String surveyId, int partition, String sequenceNumber, LocalDate day, Set<String> cells,
                             Tally contribution) {

    public ScoredResponse {
        cells = Set.copyOf(cells);
    }
}
