package io.halqe.domain.analytics;

import java.util.List;

/**
 * What the sentiment stage found.
 *
 * @param label     from the score (see {@link SentimentScorer#POSITIVE_THRESHOLD})
 * @param score     in [-1, 1], rounded to three decimals
 * @param hasSignal the score rests on a sentiment term or the NPS score, not on the lack of both
 * @param evidence  per sentiment term its intensifiers, its negation and its value, then the NPS prior
 */
record ScoredSentiment(Sentiment label, double score, boolean hasSignal, List<Match> evidence) {
    ScoredSentiment {
        evidence = List.copyOf(evidence);
    }
}
