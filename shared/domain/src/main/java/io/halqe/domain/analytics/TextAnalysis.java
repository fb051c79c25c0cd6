package io.halqe.domain.analytics;

import java.util.List;

/**
 * What the analyzer found in one comment.
 *
 * @param language       detected language code ({@code en}, {@code fa}, {@code ar}, another code by script, or {@code und})
 * @param sentiment      label from {@code sentimentScore} (see {@link TextAnalyzer} for thresholds and the NPS prior)
 * @param sentimentScore in [-1, 1]
 * @param themes         theme ids, in the taxonomy's order
 * @param feedbackType   null when the text is blank or carries no signal at all
 * @param keyPhrases     up to five salient phrases, normalized, in text order
 * @param matches        the evidence for every decision, in text order after the language
 */
public record TextAnalysis(String language, Sentiment sentiment, double sentimentScore, List<String> themes,
                           FeedbackType feedbackType, List<String> keyPhrases, List<Match> matches) {
    public TextAnalysis {
        themes = List.copyOf(themes);
        keyPhrases = List.copyOf(keyPhrases);
        matches = List.copyOf(matches);
    }
}
