package io.halqe.domain.analytics;

import java.util.List;

/**
 * What the feedback type stage decided.
 *
 * @param type     null when nothing tells
 * @param evidence the cue or the score that decided, as one match; empty when nothing did
 */
record FeedbackTypeDecision(FeedbackType type, List<Match> evidence) {

    static final FeedbackTypeDecision NONE = new FeedbackTypeDecision(null, List.of());

    FeedbackTypeDecision {
        evidence = List.copyOf(evidence);
    }

    static FeedbackTypeDecision decided(FeedbackType type, String by) {
        return new FeedbackTypeDecision(type, List.of(new Match("type", by, type.wireName())));
    }
}
