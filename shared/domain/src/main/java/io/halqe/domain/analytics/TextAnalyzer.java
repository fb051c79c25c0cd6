package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Language, sentiment, themes, feedback type and key phrases of a customer comment in English, Persian or Arabic,
 * with every decision's evidence in {@link TextAnalysis#matches()}. Lexicons are loaded and indexed once, in the
 * constructor (construct one per Lambda at init); {@link #analyze} is thread-safe.
 *
 * <p>It runs in stages, each a class of this package that returns a record for the stages after it: normalising
 * ({@code CommentNormalizer}), sentiment ({@code SentimentScorer}), themes ({@code ThemeTagger}), feedback type
 * ({@code FeedbackTypeClassifier}) and key phrases ({@code KeyPhraseExtractor}).
 *
 * <h2>Language</h2>
 * The script with the most letters; Arabic script is Persian or Arabic by weighted evidence (stop words, Persian-only
 * letters, letter forms, ZWNJ, the article ال — see {@link LanguageDetector}); Latin script is {@code en} unless
 * words of other languages outnumber English ones ({@code und}, or the fallback if that is another language); other
 * scripts map to a code ({@code he}, {@code zh}, …) or {@code und}. Blank text or text without letters: the fallback.
 *
 * <h2>Sentiment</h2>
 * Each lexicon term has a weight in [-1, 1]. A term is <b>negated</b> by a negator at most two words before it in
 * its clause (en not/never/no/n't…, fa نه/هیچ/بدون, ar لا/لم/لن/ليس/ما/غير), by a Persian negator right after it
 * (خوب نیست، راضی نبودم) or by the Persian verb prefix ن-; a negated weight w becomes −0.8·w if positive and −0.5·w
 * if negative ("not bad" is only mildly good). An <b>intensifier</b> (very, خیلی, جدا …) at most one word before or
 * after a term in its clause multiplies its weight by the intensifier's factor (downtoners have factors below 1).
 * In a sentence with a contrast word or phrase (but, however, ولی، اما، ولیکن، لكن، بس، إلا أن، غير أن) terms
 * before the last one count half and terms after it 1.5 times; in a sentence without one, the clause of a
 * concessive (although, though, با اینکه، هرچند، مع أن، رغم) counts half and the rest of the sentence 1.5 times.
 * <b>Problem events</b> count −0.7 each (weighed by contrast and mood like terms) without any sentiment word
 * ({@link ProblemEvents}): a failure marker (never, could not, won't, لم، ما، نتونستم) with the content word after it,
 * a Persian post-posed one (نشد، نداد، نبود) with the word before it, an event with its modifier ("charged … twice",
 * «دوبار … کم شد», «انخصم … مرتين»), a bug cue, or a named event ("tore", «از کار افتاد», «تمزق»; a negated one
 * counts nothing). A marker whose word is a sentiment term finds nothing: "never had a problem" is a negation.
 * A <b>lukewarm</b> marker ("nothing special", "as expected", معمولی، قابل قبول، عادي، يمشي الحال), or praise and
 * criticism both denied ("not bad, not great"), makes its side of the sentence's contrast lukewarm: positive values
 * there count 0.15 times, negative ones 0.4 times and denied ones nothing. In a sentence with a suggestion cue (a wish: "it would be great if") positive terms count for
 * nothing and negative ones half; in a question (a sentence ending in ? or ؟) terms count half.
 * With S the sum, the text score is {@code S / sqrt(S² + 0.5)}; terms that count for nothing still count as
 * sentiment evidence for the NPS prior below.
 *
 * <p><b>NPS prior</b> (only when {@code npsScore} is given): {@code p = clamp((nps − 7.5) / 2.5, −1, 1)} (10 → 1,
 * 9 → 0.6, 8 → 0.2, 7 → −0.2, 6 → −0.6, ≤ 5 → −1). If the text has sentiment terms the score is
 * {@code clamp(text + 0.2·p, −1, 1)} — a small pull toward the score's side. If it has none, the NPS decides:
 * the score is {@code 0.3·p} and the label is NEGATIVE for 0-6, NEUTRAL for 7-8 and POSITIVE for 9-10.
 *
 * <p><b>Label</b>: POSITIVE when the score is ≥ 0.15, NEGATIVE when ≤ −0.15, NEUTRAL in between.
 *
 * <h2>Themes</h2>
 * Terms of the taxonomy for the detected language (plus the English terms, as comments mix in English words) are
 * matched on normalized words through {@link Morphology} (plurals, clitics, the Arabic article), longest phrase first.
 * Words whose theme depends on their neighbours follow {@link ThemeContext}'s rules: with a cue nearby in the
 * sentence a trigger loses themes and gains others (a phone's "charge" is product quality, not billing; «شارژ
 * ساختمان» is billing; «شحن الجوال» is no shipping; "lumbar support" is no support team). {@link ThemeModel} then adds
 * the one theme its word counts make likely enough that the terms missed (phrasing no term names).
 *
 * <h2>Feedback type</h2>
 * Precedence: BUG (a bug cue: crash, error, doesn't work, خطا، کار نمی‌کند، لا يعمل …) &gt; SUGGESTION (should, I wish,
 * please add, کاش، پیشنهاد، أقترح، يا ليت …) &gt; QUESTION (a ? or ؟, a question word anywhere such as آیا، چرا، هل،
 * or at the start of a sentence such as how, can I, كيف) &gt; COMPLAINT if the final score is below −0.05 &gt;
 * PRAISE if it is above 0.05; otherwise null.
 *
 * <h2>Key phrases</h2>
 * Up to five, in text order: matched theme terms first, then sentiment terms, then bigrams of adjacent content words,
 * then single content words (stop words, negators and intensifiers never count).
 */
public final class TextAnalyzer implements Analyzer {

    private final CommentNormalizer normalizer = new CommentNormalizer();
    private final SentimentScorer sentimentScorer = new SentimentScorer();
    private final ThemeTagger themeTagger = new ThemeTagger();
    private final ThemeModel themeModel = new ThemeModel();
    private final FeedbackTypeClassifier typeClassifier = new FeedbackTypeClassifier();
    private final KeyPhraseExtractor keyPhraseExtractor = new KeyPhraseExtractor();

    /** Loads the lexicons and indexes the default themes: construct one per Lambda, at init. */
    public TextAnalyzer() {
    }

    /**
     * @param text             the comment; null or blank gives the fallback language, the NPS prior's sentiment (or
     *                         NEUTRAL), no themes and no feedback type
     * @param fallbackLanguage used when the text cannot tell (blank, no letters, a Persian/Arabic tie); may be null
     * @param npsScore         0-10 or null; only a prior, see the class comment
     * @param taxonomy         themes to tag with; null means {@link ThemeTaxonomy#defaults()}
     */
    @Override
    public TextAnalysis analyze(String text, String fallbackLanguage, Integer npsScore, ThemeTaxonomy taxonomy) {
        NormalizedComment comment = normalizer.normalize(text, fallbackLanguage);
        ScoredSentiment sentiment = sentimentScorer.score(comment, npsScore);
        if (comment.words().size() == 0) {
            // no words, nothing to tag or classify: the NPS prior is all there is
            return new TextAnalysis(comment.language(), sentiment.label(), sentiment.score(), List.of(), null,
                    List.of(), evidence(comment, sentiment.evidence(), List.of(), List.of()));
        }
        ThemeTaxonomy themeTaxonomy = taxonomy == null ? ThemeTaxonomy.defaults() : taxonomy;
        TaggedThemes themes = themeModel.complete(themeTagger.tag(comment, themeTaxonomy), comment, themeTaxonomy);
        FeedbackTypeDecision type = typeClassifier.classify(comment, sentiment);
        List<String> keyPhrases = keyPhraseExtractor.extract(comment, themes);
        return new TextAnalysis(comment.language(), sentiment.label(), sentiment.score(), themes.ids(), type.type(),
                keyPhrases, evidence(comment, sentiment.evidence(), themes.evidence(), type.evidence()));
    }

    /** The language first, then each stage's evidence in the order the stages ran. */
    private static List<Match> evidence(NormalizedComment comment, List<Match> sentiment, List<Match> themes,
                                        List<Match> type) {
        List<Match> all = new ArrayList<>(1 + sentiment.size() + themes.size() + type.size());
        all.add(comment.languageEvidence());
        all.addAll(sentiment);
        all.addAll(themes);
        all.addAll(type);
        return all;
    }
}
