package io.halqe.domain.scoring;

import java.time.LocalDate;

/**
 * One aggregate item: a survey's day in the reporting time zone. It holds the counters of every cell (dimension and
 * value) answered that day, and for each response partition the highest stream sequence number folded in.
 */
public record DayKey(String surveyId, LocalDate day) {
}
