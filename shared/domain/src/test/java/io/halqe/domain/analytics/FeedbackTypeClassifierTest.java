package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTypeClassifierTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();
    private static final FeedbackTypeClassifier CLASSIFIER = new FeedbackTypeClassifier();
    private static final ScoredSentiment NO_SIGNAL = new ScoredSentiment(Sentiment.NEUTRAL, 0, false, List.of());

    private static FeedbackTypeDecision classify(String text, ScoredSentiment sentiment) {
        return CLASSIFIER.classify(NORMALIZER.normalize(text, null), sentiment);
    }

    private static ScoredSentiment scored(double score) {
        return new ScoredSentiment(Sentiment.NEUTRAL, score, true, List.of());
    }

    @Test
    void classify_shouldPreferTheBugCue_whenSuggestionAndQuestionCuesAreThereToo() {
        // GIVEN a question, a bug cue and a suggestion cue, in that order
        // WHEN classified
        FeedbackTypeDecision decision = classify("Why does the app crash? You should fix it", NO_SIGNAL);

        // THEN it is a bug, for the bug cue
        assertThat(decision.type()).isEqualTo(FeedbackType.BUG);
        assertThat(decision.evidence()).containsExactly(new Match("type", "crash", "bug"));
    }

    @Test
    void classify_shouldPreferTheSuggestion_whenAQuestionIsThereToo() {
        // GIVEN a question, then a suggestion
        // WHEN classified
        FeedbackTypeDecision decision = classify("How do I export my data? Please add a button", scored(-0.9));

        // THEN it is a suggestion, whatever the score
        assertThat(decision.type()).isEqualTo(FeedbackType.SUGGESTION);
        assertThat(decision.evidence()).containsExactly(new Match("type", "please add", "suggestion"));
    }

    @Test
    void classify_shouldTakeAQuestionWord_whenItStartsASentenceOnly() {
        // GIVEN "how" starting a sentence without a question mark, and "how" within one
        // WHEN classified
        FeedbackTypeDecision atStart = classify("Thanks. How was it so fast", NO_SIGNAL);
        FeedbackTypeDecision within = classify("I know how it works", NO_SIGNAL);

        // THEN only the first is a question
        assertThat(atStart.evidence()).containsExactly(new Match("type", "how", "question"));
        assertThat(within).isEqualTo(FeedbackTypeDecision.NONE);
    }

    @Test
    void classify_shouldBeAQuestion_whenOnlyAQuestionMarkTellsIt() {
        // GIVEN a statement ending in ؟ and one in ?
        // WHEN classified
        // THEN both are questions, for the mark
        assertThat(classify("التوصيل غدا؟", NO_SIGNAL).evidence()).containsExactly(new Match("type", "?", "question"));
        assertThat(classify("The delivery is tomorrow?", scored(0.8)).type()).isEqualTo(FeedbackType.QUESTION);
    }

    @Test
    void classify_shouldFollowTheScore_whenNoCueTellsAndTheScoreIsBeyondTheMargin() {
        // GIVEN a comment without cues, with scores around ±0.05
        String text = "The delivery was today";

        // WHEN classified
        // THEN below −0.05 it is a complaint, above 0.05 praise, in between or without a signal nothing
        assertThat(classify(text, scored(-0.06)).evidence())
                .containsExactly(new Match("type", "score -0.06", "complaint"));
        assertThat(classify(text, scored(0.06)).evidence()).containsExactly(new Match("type", "score +0.06", "praise"));
        assertThat(classify(text, scored(-0.05))).isEqualTo(FeedbackTypeDecision.NONE);
        assertThat(classify(text, scored(0.05))).isEqualTo(FeedbackTypeDecision.NONE);
        assertThat(classify(text, new ScoredSentiment(Sentiment.NEGATIVE, -0.9, false, List.of())).type()).isNull();
    }
}
