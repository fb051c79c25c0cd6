package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Language, sentiment, themes, feedback type and key phrases of a customer comment in English, Persian or Arabic,
 * with every decision's evidence in {@link TextAnalysis#matches()}. Lexicons are loaded and indexed once, in the
 * constructor (construct one per Lambda at init); {@link #analyze} is thread-safe.
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
 * In a sentence with a contrast word (but, however, ولی، اما، لكن) terms before it count half and terms after it
 * 1.5 times. In a sentence with a suggestion cue (a wish: "it would be great if") positive terms count for
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
public final class TextAnalyzer {

    private static final int MAX_KEY_PHRASES = 5;

    private final CommentNormalizer normalizer = new CommentNormalizer();
    private final SentimentScorer sentimentScorer = new SentimentScorer();
    private final ThemeTagger themeTagger = new ThemeTagger();
    private final FeedbackTypeClassifier typeClassifier = new FeedbackTypeClassifier();

    public TextAnalyzer() {
    }

    /**
     * @param text             the comment; null or blank gives the fallback language, the NPS prior's sentiment (or
     *                         NEUTRAL), no themes and no feedback type
     * @param fallbackLanguage used when the text cannot tell (blank, no letters, a Persian/Arabic tie); may be null
     * @param npsScore         0-10 or null; only a prior, see the class comment
     * @param taxonomy         themes to tag with; null means {@link ThemeTaxonomy#defaults()}
     */
    public TextAnalysis analyze(String text, String fallbackLanguage, Integer npsScore, ThemeTaxonomy taxonomy) {
        NormalizedComment comment = normalizer.normalize(text, fallbackLanguage);
        ScoredSentiment scored = sentimentScorer.score(comment, npsScore);
        List<Match> matches = new ArrayList<>();
        matches.add(comment.languageEvidence());
        matches.addAll(scored.evidence());
        if (comment.words().size() == 0) {
            return new TextAnalysis(comment.language(), scored.label(), scored.score(), List.of(), null, List.of(),
                    matches);
        }
        String language = comment.language();
        Tokens tokens = comment.words();
        Lexicon lexicon = comment.lexicon();
        List<FoundTerm<CoreEntry>> hits = comment.terms();
        Sentiment sentiment = scored.label();
        double score = scored.score();

        TaggedThemes tagged = themeTagger.tag(comment, taxonomy);
        matches.addAll(tagged.evidence());
        List<String> themes = tagged.ids();
        List<FoundTerm<List<String>>> themeHits = tagged.terms();

        FeedbackTypeDecision decision = typeClassifier.classify(comment, scored);
        matches.addAll(decision.evidence());
        FeedbackType type = decision.type();
        List<String> keyPhrases = keyPhrases(tokens, hits, themeHits, lexicon);
        return new TextAnalysis(language, sentiment, score, themes, type, keyPhrases, matches);
    }

    private static List<String> keyPhrases(Tokens tokens, List<FoundTerm<CoreEntry>> hits,
                                           List<FoundTerm<List<String>>> themeHits, Lexicon lexicon) {
        int n = tokens.size();
        // rank 3: theme terms, 2: sentiment terms, 1: other content words (bigrams preferred over single words)
        boolean[] used = new boolean[n];
        List<int[]> chosen = new ArrayList<>(); // {start, end}
        for (FoundTerm<List<String>> h : themeHits) {
            choose(chosen, used, h.start(), h.end());
        }
        for (FoundTerm<CoreEntry> h : hits) {
            if (h.payload().hasSentiment() && h.payload().negator == 0 && h.payload().intensifier == 0) {
                choose(chosen, used, h.start(), h.end());
            }
        }
        boolean[] role = new boolean[n];
        for (FoundTerm<CoreEntry> h : hits) {
            for (int k = h.start(); k < h.end(); k++) {
                role[k] = true;
            }
        }
        for (int i = 0; i + 1 < n && chosen.size() < MAX_KEY_PHRASES; i++) {
            if (content(tokens, i, role, lexicon) && content(tokens, i + 1, role, lexicon)
                    && tokens.clause(i) == tokens.clause(i + 1)) {
                choose(chosen, used, i, i + 2);
                i++;
            }
        }
        for (int i = 0; i < n && chosen.size() < MAX_KEY_PHRASES; i++) {
            if (content(tokens, i, role, lexicon)) {
                choose(chosen, used, i, i + 1);
            }
        }
        List<int[]> top = chosen.subList(0, Math.min(MAX_KEY_PHRASES, chosen.size()));
        top.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<String> phrases = new ArrayList<>(top.size());
        for (int[] span : top) {
            String phrase = tokens.words(span[0], span[1]);
            if (!phrases.contains(phrase)) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    private static void choose(List<int[]> chosen, boolean[] used, int start, int end) {
        for (int k = start; k < end; k++) {
            if (used[k]) {
                return;
            }
        }
        for (int k = start; k < end; k++) {
            used[k] = true;
        }
        chosen.add(new int[] {start, end});
    }

    private static boolean content(Tokens tokens, int i, boolean[] role, Lexicon lexicon) {
        String w = tokens.word(i);
        if (role[i] || w.length() < (Morphology.isLatin(w) ? 3 : 2) || Character.isDigit(w.charAt(0))) {
            return false;
        }
        return lexicon == null || !lexicon.stopwords.contains(w);
    }
}
