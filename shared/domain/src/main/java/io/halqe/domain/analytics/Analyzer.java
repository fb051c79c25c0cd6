package io.halqe.domain.analytics;

/**
 * Reads a customer comment: language, sentiment, themes of the survey's taxonomy, feedback type and key phrases, with
 * the evidence in {@link TextAnalysis#matches()}. {@link TextAnalyzer} is the built-in one and the default; an adapter
 * may ask a language model instead, falling back to the built-in one.
 */
public interface Analyzer {

    /**
     * @param text             the comment; null or blank when the answer has none
     * @param fallbackLanguage the answer's language, used when the text cannot tell; may be null
     * @param npsScore         0-10 or null
     * @param taxonomy         the themes a comment may be tagged with; null means {@link ThemeTaxonomy#defaults()}
     */
    TextAnalysis analyze(String text, String fallbackLanguage, Integer npsScore, ThemeTaxonomy taxonomy);
}
