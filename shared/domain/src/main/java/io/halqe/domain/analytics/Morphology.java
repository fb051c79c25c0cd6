package io.halqe.domain.analytics;

import java.util.Set;

/**
 * How a word is reduced to the key it is looked up under, per language, so inflections find their lexicon entry.
 *
 * <ul>
 *   <li>English (and any Latin-script word): a light suffix stemmer (-s, -es, -ies, -ed, -ing, final -e), applied
 *       to lexicon terms and text alike; a few nouns in -ing keep it ("building" is no "build").</li>
 *   <li>Arabic: the article and its clitic forms (ال، وال، بال، فال، كال، لل) are always removed when at least
 *       three letters remain; then, only if the word is not in the vocabulary, a clitic prefix (و ف ب ل ك س) and/or a
 *       suffix (ها هم كم نا ني ه ك ي ات ون ين ان, the object pronoun ني as in يوصلني, the accusative ا, a past -ت …, with ت → ه restored before it) is tried against the
 *       vocabulary, then the feminine ة added (رخيص finds رخيصة).</li>
 *   <li>Persian: only if the word is not in the vocabulary, plural, comparative and pronoun suffixes (ها، های، ان،
 *       ات، تر، ترین، ی، ه، ش، م، ت، مون، شون …, and a pronoun before a copula: پولمونیم → پول) are tried,
 *       then a negating ن- prefix (نرسید → رسید, negated).</li>
 * </ul>
 */
final class Morphology {

    private static final String[] AR_ARTICLES = {"وال", "بال", "فال", "كال", "لل", "ال"};
    private static final String[] AR_PREFIXES = {"و", "ف", "ب", "ل", "ك", "س"};
    private static final String[] AR_SUFFIXES = {"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين",
            "ان", "يه", "ني", "ه", "ك", "ي", "ا", "ت"};
    private static final String[] FA_SUFFIXES = {"هایشان", "هایمان", "هایتان", "هایی", "هایم", "هایت", "هایش", "های",
            "ها", "ترین", "تر", "شان", "مان", "تان", "شون", "مون", "تون", "یی", "ای", "ان", "ات", "اش", "ام", "ست", "یم",
            "ید", "ند", "ی", "ه", "ش", "م", "ت", "و"};
    private static final String[] FA_SECOND = {"ها", "های", "ی", "ه", "ش", "م", "ت", "ای", "تر", "ترین", "مون", "تون",
            "شون"};

    /**
     * English nouns whose -ing is not a verb's: "building" is no "build" (build quality), "settings" no "set",
     * "evening" no "even", "training" no "train" (a rail journey).
     */
    private static final Set<String> EN_ING_NOUNS = Set.of("building", "buildings", "setting", "settings", "evening",
            "evenings", "morning", "mornings", "wedding", "weddings", "ceiling", "ceilings", "training", "trainings",
            "during", "clothing", "lining", "linings");

    private Morphology() {
    }

    /** Latin script (or ASCII digits): matched with the English stemmer whatever the comment's language. */
    static boolean isLatin(String word) {
        return word.charAt(0) < 0x0250;
    }

    /** The key of one word of a lexicon term. */
    static String lexiconKey(String word, String language) {
        if (isLatin(word)) {
            return enStem(word);
        }
        return "ar".equals(language) ? arArticle(word) : word;
    }

    /**
     * The keys of a text's words, looked up in {@code vocabulary}, and which words were found only once a Persian
     * negating prefix ن- was removed (the negation then belongs to the term).
     */
    record TextKeys(String[] keys, boolean[] negatedByPrefix) {
        boolean anyNegated(int start, int end) {
            for (int k = start; k < end; k++) {
                if (negatedByPrefix[k]) {
                    return true;
                }
            }
            return false;
        }
    }

    static TextKeys textKeys(Tokens tokens, String language, Set<String> vocabulary, Set<String> stems) {
        String[] keys = new String[tokens.size()];
        boolean[] negated = new boolean[tokens.size()];
        for (int i = 0; i < keys.length; i++) {
            String word = tokens.word(i);
            String key = textKey(word, language, vocabulary, stems);
            if (key == null) {
                key = withoutPersianNegation(word, stems);
                negated[i] = key != null;
            }
            keys[i] = key != null ? key : word;
        }
        return new TextKeys(keys, negated);
    }

    /** The key of one word of the text; null for a Persian word not found as written or inflected. */
    private static String textKey(String word, String language, Set<String> vocabulary, Set<String> stems) {
        if (isLatin(word)) {
            return enStem(word);
        }
        if ("ar".equals(language)) {
            return arKey(word, vocabulary, stems);
        }
        return "fa".equals(language) ? faKey(word, vocabulary, stems) : word;
    }

    /** نرسید → رسید: the key under a negating prefix, or null. */
    private static String withoutPersianNegation(String word, Set<String> stems) {
        return word.length() >= 4 && word.charAt(0) == 'ن' ? faKey(word.substring(1), stems, stems) : null;
    }

    private static String faKey(String word, Set<String> vocabulary, Set<String> stems) {
        if (vocabulary.contains(word)) {
            return word;
        }
        
        for (String suffix : FA_SUFFIXES) {
            if (word.length() - suffix.length() >= 2 && word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                if (stems.contains(stem)) {
                    return stem;
                }
                for (String second : FA_SECOND) {
                    if (stem.length() - second.length() >= 2 && stem.endsWith(second)) {
                        String inner = stem.substring(0, stem.length() - second.length());
                        if (stems.contains(inner)) {
                            return inner;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String arKey(String word, Set<String> all, Set<String> vocabulary) {
        String base = arArticle(word);
        if (all.contains(base)) {
            return base;
        }
        String found = arSuffix(base, vocabulary);
        if (found != null) {
            return found;
        }
        if (base.length() <= 4 && vocabulary.contains(base + "ي")) {
            return base + "ي"; // راضٍ, written without its final yeh
        }
        if (base.length() >= 3 && vocabulary.contains(base + "ه")) {
            return base + "ه"; // رخيص finds رخيصة: the masculine finds a lexicon's feminine
        }
        for (String prefix : AR_PREFIXES) {
            if (base.length() - prefix.length() >= 2 && base.startsWith(prefix)) {
                String rest = arArticle(base.substring(prefix.length()));
                if (vocabulary.contains(rest)) {
                    return rest;
                }
                found = arSuffix(rest, vocabulary);
                if (found != null) {
                    return found;
                }
            }
        }
        return base;
    }

    private static String arSuffix(String word, Set<String> vocabulary) {
        for (String suffix : AR_SUFFIXES) {
            if (word.length() - suffix.length() >= 2 && word.endsWith(suffix)) {
                String stem = word.substring(0, word.length() - suffix.length());
                if (vocabulary.contains(stem)) {
                    return stem;
                }
                if (stem.endsWith("ت")) {
                    String marbuta = stem.substring(0, stem.length() - 1) + "ه";
                    if (vocabulary.contains(marbuta)) {
                        return marbuta;
                    }
                }
            }
        }
        return null;
    }

    static String arArticle(String word) {
        for (String article : AR_ARTICLES) {
            if (word.length() - article.length() >= 3 && word.startsWith(article)) {
                return word.substring(article.length());
            }
        }
        return word;
    }

    /** A deliberately small English stemmer: both sides go through it, so it only has to be consistent. */
    static String enStem(String w) {
        int n = w.length();
        if (n <= 3) {
            return w;
        }
        if (EN_ING_NOUNS.contains(w)) {
            return w.endsWith("s") ? w.substring(0, n - 1) : w;
        }
        if (n > 4 && w.endsWith("ies")) {
            w = w.substring(0, n - 3) + "y";
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, n - 1);
        }
        n = w.length();
        if (n > 5 && w.endsWith("ing")) {
            w = undouble(w.substring(0, n - 3));
        } else if (n > 4 && w.endsWith("ied")) {
            w = w.substring(0, n - 3) + "y";
        } else if (n > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = undouble(w.substring(0, n - 2));
        }
        n = w.length();
        if (n > 3 && w.endsWith("e")) {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n >= 3 && w.charAt(n - 1) == w.charAt(n - 2) && "bdgmnprt".indexOf(w.charAt(n - 1)) >= 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
