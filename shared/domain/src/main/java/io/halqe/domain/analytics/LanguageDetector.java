package io.halqe.domain.analytics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Language from the script with the most letters, then, for Arabic script, Persian told apart from Arabic by
 * weighted evidence, and for Latin script English told apart from other languages by common words.
 *
 * <p>Persian evidence: Persian stop words (2 each), the letters only Persian uses پ چ ژ گ (1.5 each), the Persian
 * forms ی ک (0.5 each), ZWNJ (2 each), words with the verb prefix می/نمی (1 each). Arabic evidence: Arabic stop
 * words (2 each), ة and ى (1.5 each), أ and إ (0.3 each), the Arabic forms ي ك (0.2 each: Persian typed on an Arabic
 * keyboard uses them too, so the words decide), words with the article ال (1 each). Words of one lexicon and not the
 * other count 1 each for their language («نتونستم», «انخصم»). Words common to both languages
 * (من، ما، و …) count for neither. A tie goes to the fallback language if it is fa or ar, else by letter forms.
 */
final class LanguageDetector {

    record Detection(String language, String evidence) {
    }

    private final Set<String> faMarkers = new HashSet<>();
    private final Set<String> arMarkers = new HashSet<>();
    /** Lexicon words of one language and not the other («نتونستم», «انخصم»): weaker evidence than stop words. */
    private final Set<String> faLexiconWords = new HashSet<>();
    private final Set<String> arLexiconWords = new HashSet<>();
    private final Set<String> enMarkers;
    private final Set<String> enVocabulary;
    private final Set<String> foreignLatin;

    LanguageDetector(Lexicon en, Lexicon fa, Lexicon ar) {
        faMarkers.addAll(fa.stopwords);
        for (String w : ar.stopwords) {
            arMarkers.add(w.replace('\u064A', '\u06CC').replace('\u0643', '\u06A9'));
        }
        Set<String> shared = new HashSet<>(faMarkers);
        shared.retainAll(arMarkers);
        faMarkers.removeAll(shared);
        arMarkers.removeAll(shared);
        faLexiconWords.addAll(fa.index.vocabulary);
        for (String w : ar.index.vocabulary) {
            arLexiconWords.add(w.replace('\u064A', '\u06CC').replace('\u0643', '\u06A9'));
        }
        Set<String> sharedWords = new HashSet<>(faLexiconWords);
        sharedWords.retainAll(arLexiconWords);
        faLexiconWords.removeAll(sharedWords);
        arLexiconWords.removeAll(sharedWords);
        enMarkers = en.stopwords;
        enVocabulary = en.index.vocabulary;
        foreignLatin = en.foreignStopwords;
    }

    /** {@code tokens} in the matching form, before {@link Tokens#forLanguage}. */
    Detection detect(Tokens tokens, String fallback) {
        ScriptCounts scripts = tokens.scripts();
        int arabic = scripts.arabic();
        int latin = scripts.latin();
        int other = scripts.other();
        if (arabic + latin + other == 0) {
            return new Detection(fallback, "no letters; fallback");
        }
        if (other > arabic && other > latin) {
            String byScript = byScript(scripts.otherScript());
            return new Detection(byScript, "script " + scripts.otherScript().name().toLowerCase(Locale.ROOT));
        }
        if (arabic >= latin) {
            return persianOrArabic(tokens, fallback);
        }
        int en = 0;
        int foreign = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.word(i);
            if (!Morphology.isLatin(w)) {
                continue;
            }
            if (enMarkers.contains(w) || enVocabulary.contains(Morphology.enStem(w))) {
                en++;
            } else if (foreignLatin.contains(w)) {
                foreign++;
            }
        }
        String evidence = "script latin; en words " + en + ", other-language words " + foreign;
        if (foreign > en) {
            boolean fallbackLatin = !fallback.equals("en") && !fallback.equals("fa") && !fallback.equals("ar");
            return new Detection(fallbackLatin ? fallback : "und", evidence);
        }
        return new Detection("en", evidence);
    }

    private Detection persianOrArabic(Tokens t, String fallback) {
        ScriptCounts scripts = t.scripts();
        double fa = 1.5 * scripts.persianOnly() + 0.5 * scripts.persianForms() + 2.0 * scripts.zwnj();
        double ar = 1.5 * scripts.arabicOnly() + 0.3 * scripts.hamzaAlef() + 0.2 * scripts.arabicForms();
        int faWords = 0;
        int arWords = 0;
        for (int i = 0; i < t.size(); i++) {
            String w = t.word(i);
            if (Morphology.isLatin(w)) {
                continue;
            }
            if (faMarkers.contains(w)) {
                faWords++;
                fa += 2;
            } else if (arMarkers.contains(w)) {
                arWords++;
                ar += 2;
            } else if (w.length() >= 4 && (w.startsWith("می") || w.startsWith("نمی"))) {
                fa += 1;
            } else if (faLexiconWords.contains(w)) {
                fa += 1;
            } else if (arLexiconWords.contains(w)) {
                ar += 1;
            } else if (w.length() >= 5 && w.startsWith("ال")) {
                ar += 1;
            }
        }
        String language;
        if (fa > ar) {
            language = "fa";
        } else if (ar > fa) {
            language = "ar";
        } else if (fallback.equals("fa") || fallback.equals("ar")) {
            language = fallback;
        } else {
            language = scripts.persianForms() > scripts.arabicForms() ? "fa" : "ar";
        }
        return new Detection(language, String.format(Locale.ROOT,
                "script arabic; fa %.1f (%d stop words), ar %.1f (%d stop words)", fa, faWords, ar, arWords));
    }

    private static String byScript(Character.UnicodeScript script) {
        return switch (script) {
            case HEBREW -> "he";
            case HAN -> "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case THAI -> "th";
            case GREEK -> "el";
            case DEVANAGARI -> "hi";
            case BENGALI -> "bn";
            case TAMIL -> "ta";
            case GEORGIAN -> "ka";
            case ARMENIAN -> "hy";
            case ETHIOPIC -> "am";
            default -> "und";
        };
    }
}
