package io.halqe.domain.scoring;

import java.time.LocalDate;
import java.util.Set;

/**
 * A response as the scoring stream delivers it: where it lives (partition, stream position), its day in the
 * reporting time zone, the cells it counts in (e.g. {@code all=all}, {@code plan=pro}, {@code theme=delivery}) and
 * what it adds to each; a late completion also takes back what its partial answer added ({@code retracted} from each
 * of {@code retractedCells}) on the same day, under the same stream position, so both happen exactly once.
 */
public record ScoredResponse(String surveyId, int partition, String sequenceNumber, LocalDate day, Set<String> cells,
                             Tally contribution, Set<String> retractedCells, Tally retracted) {

    public ScoredResponse {
        cells = Set.copyOf(cells);
        retractedCells = retractedCells == null ? Set.of() : Set.copyOf(retractedCells);
        retracted = retracted == null ? Tally.EMPTY : retracted;
    }

    /** A response counted for the first time: nothing to take back. */
    public ScoredResponse(String surveyId, int partition, String sequenceNumber, LocalDate day, Set<String> cells,
                          Tally contribution) {
        this(surveyId, partition, sequenceNumber, day, cells, contribution, Set.of(), Tally.EMPTY);
    }
}
