package io.halqe.domain.scoring;

import java.time.LocalDate;
import java.util.Set;

/**
 * A response as the scoring stream delivers it: where it lives (partition, stream position), its day in the
 * reporting time zone, the cells it counts in (e.g. {@code all=all}, {@code plan=pro}, {@code theme=delivery}) and
 * what it adds to each; a late completion also takes back what its partial answer added ({@code retracted} from each
 * of {@code retractedCells}) on the same day, under the same stream position, so both happen exactly once.
 * {@code unsignedCells} are the cells an unsigned answer named itself (hidden fields from a page URL): anyone can
 * invent those, so they may open few new values a day ({@link ScoreResponses#UNSIGNED_NEW_VALUES}).
 */
public record ScoredResponse(String surveyId, int partition, String sequenceNumber, LocalDate day, Set<String> cells,
                             Tally contribution, Set<String> retractedCells, Tally retracted, Set<String> unsignedCells) {

    public ScoredResponse {
        cells = Set.copyOf(cells);
        retractedCells = retractedCells == null ? Set.of() : Set.copyOf(retractedCells);
        retracted = retracted == null ? Tally.EMPTY : retracted;
        unsignedCells = unsignedCells == null ? Set.of() : Set.copyOf(unsignedCells);
    }

    /** A response counted for the first time, every cell of it vouched for: nothing to take back. */
    public ScoredResponse(String surveyId, int partition, String sequenceNumber, LocalDate day, Set<String> cells,
                          Tally contribution) {
        this(surveyId, partition, sequenceNumber, day, cells, contribution, Set.of(), Tally.EMPTY, Set.of());
    }
}
