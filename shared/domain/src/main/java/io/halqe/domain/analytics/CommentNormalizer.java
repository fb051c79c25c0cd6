package io.halqe.domain.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalising, the first stage: a comment's language, its words in that language's matching form split into
 * clauses, and the lexicon terms among them (see {@link TextAnalyzer} for the language rules). Loads the lexicons
 * once, when constructed.
 */
final class CommentNormalizer {

    private static final Tokens NO_WORDS = Tokens.of("");

    private final Map<String, Lexicon> lexicons = new HashMap<>();
    private final LanguageDetector detector;

    CommentNormalizer() {
        for (String language : List.of("en", "fa", "ar")) {
            lexicons.put(language, Lexicon.load(language));
        }
        detector = new LanguageDetector(lexicons.get("en"), lexicons.get("fa"), lexicons.get("ar"));
    }

    /** @param fallbackLanguage used when the text cannot tell (blank, no letters, a Persian/Arabic tie); may be null */
    NormalizedComment normalize(String text, String fallbackLanguage) {
        String fallback = fallbackLanguage == null || fallbackLanguage.isBlank()
                ? "und" : fallbackLanguage.strip().toLowerCase(Locale.ROOT);
        if (text == null || text.isBlank()) {
            return new NormalizedComment(fallback, new Match("language", fallback, "no text; fallback"), NO_WORDS,
                    null, List.of());
        }
        Tokens scanned = Tokens.of(text);
        LanguageDetector.Detection detection = detector.detect(scanned, fallback);
        String language = detection.language();
        Match evidence = new Match("language", language, detection.evidence());
        Tokens words = scanned.forLanguage(language);
        Lexicon lexicon = lexiconFor(language, words);
        if (lexicon == null) {
            return new NormalizedComment(language, evidence, words, null, List.of());
        }
        // "but" ends what it contrasts: negators and intensifiers do not reach across it, nor do phrases
        boolean[] contrastStarts = lexicon.contrastStarts(words);
        words = words.withClauseBreaksAt(contrastStarts);
        return new NormalizedComment(language, evidence, words, lexicon, lexicon.index.findAll(words), contrastStarts);
    }

    private Lexicon lexiconFor(String language, Tokens words) {
        Lexicon lexicon = lexicons.get(language);
        ScriptCounts scripts = words.scripts();
        if (lexicon == null && scripts.latin() > scripts.arabic() + scripts.other()) {
            return lexicons.get("en"); // another Latin-script language: English loanwords still count
        }
        return lexicon;
    }
}
