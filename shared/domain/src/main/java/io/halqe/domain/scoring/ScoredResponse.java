package io.halqe.domain.scoring;

/** A response as the scoring stream delivers it: where it lives, its stream position and what it adds. */
public record ScoredResponse(String surveyId, int partition, String sequenceNumber, Tally contribution) {
}
