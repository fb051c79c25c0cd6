package io.halqe.domain.analytics;

/**
 * The feedback type stage: a bug cue before a suggestion cue before a question, then the sentiment's side (the
 * precedence is in {@link TextAnalyzer}).
 */
final class FeedbackTypeClassifier {

    /** A score this close to 0 is neither a complaint nor praise. */
    static final double NEUTRAL_MARGIN = 0.05;

    FeedbackTypeDecision classify(NormalizedComment comment, ScoredSentiment sentiment) {
        FoundTerm<CoreEntry> bug = null;
        FoundTerm<CoreEntry> suggestion = null;
        FoundTerm<CoreEntry> question = null;
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            FeedbackType cue = term.payload().cue;
            if (cue == FeedbackType.BUG && bug == null) {
                bug = term;
            } else if (cue == FeedbackType.SUGGESTION && suggestion == null) {
                suggestion = term;
            } else if (question == null && (cue == FeedbackType.QUESTION
                    || term.payload().questionAtStart && comment.words().startsSentence(term.start()))) {
                question = term;
            }
        }
        if (bug != null) {
            return FeedbackTypeDecision.decided(FeedbackType.BUG, bug.text());
        }
        if (suggestion != null) {
            return FeedbackTypeDecision.decided(FeedbackType.SUGGESTION, suggestion.text());
        }
        if (question != null || comment.words().hasQuestionMark()) {
            return FeedbackTypeDecision.decided(FeedbackType.QUESTION, question != null ? question.text() : "?");
        }
        double score = sentiment.score();
        if (sentiment.hasSignal() && Math.abs(score) > NEUTRAL_MARGIN) {
            return FeedbackTypeDecision.decided(score < 0 ? FeedbackType.COMPLAINT : FeedbackType.PRAISE,
                    "score " + SentimentScorer.signed(score));
        }
        return FeedbackTypeDecision.NONE;
    }
}
