package io.halqe.domain.analytics;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Set;

/**
 * A comment split into normalized words in one pass over its characters, with the clause and sentence each word
 * belongs to and the script statistics language detection needs.
 *
 * <p>Words are in the "matching form": diacritics and tatweel removed, ZWNJ joining, Persian and Arabic-Indic
 * digits as ASCII, lower case, and the Arabic-script letter variants folded to one form (yeh ي ى ی → ی, kaf ك ک → ک,
 * teh marbuta and heh variants ة ۀ → ه, alef with hamza or madda → ا). {@link #forLanguage} then adapts the words to
 * the detected language: Arabic gets ي and ك back, Persian has its detached prefixes and suffixes (می، نمی، بی،
 * ها، های، تر، ترین …) joined to their word, so «می خواهم», «می‌خواهم» and «میخواهم» are one word.
 */
final class Tokens {

    private static final Set<String> FA_PREFIXES = Set.of("می", "نمی", "بی");
    private static final Set<String> FA_SUFFIXES = Set.of("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان",
            "هایتان", "هایشان", "ای", "ایی", "تر", "ترین", "ام", "اید", "اند", "اش", "شان", "مان", "تان");

    String[] words;
    int[] clause;
    int[] sentence;
    boolean[] sentenceStart;
    int size;

    int latinLetters;
    int arabicLetters;
    int otherLetters;
    Character.UnicodeScript otherScript;
    int persianOnlyLetters;
    int persianForms;
    int arabicForms;
    int arabicOnlyLetters;
    int hamzaAlef;
    int zwnj;
    boolean questionMark;
    /** Sentences ended by ? or ؟, by sentence index; null when there is none. */
    java.util.BitSet questions;

    private Tokens(int capacity) {
        words = new String[capacity];
        clause = new int[capacity];
        sentence = new int[capacity];
        sentenceStart = new boolean[capacity];
    }

    static Tokens of(String text) {
        if (needsCompatibilityNormalization(text)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        Tokens t = new Tokens(Math.max(4, text.length() / 4));
        StringBuilder word = new StringBuilder(24);
        int clauseId = 0;
        int sentenceId = 0;
        boolean atSentenceStart = true;
        int[] otherCounts = null;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isDiacritic(cp)) {
                continue;
            }
            if (cp == 0x200C || cp == 0x200D || cp == 0x00AD || cp == 0x200E || cp == 0x200F) {
                if (cp == 0x200C) {
                    t.zwnj++;
                }
                continue; // a joiner: the word goes on
            }
            if ((cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) && word.length() > 0
                    && i < n && Character.isLetter(text.codePointAt(i))) {
                continue; // don't → dont
            }
            if (Character.isLetterOrDigit(cp)) {
                if (Character.isLetter(cp)) {
                    if (cp < 0x0250) {
                        t.latinLetters++;
                    } else if (isArabicScript(cp)) {
                        t.arabicLetters++;
                        switch (cp) {
                            case 0x067E, 0x0686, 0x0698, 0x06AF -> t.persianOnlyLetters++;
                            case 0x06CC, 0x06A9 -> t.persianForms++;
                            case 0x064A, 0x0643 -> t.arabicForms++;
                            case 0x0629, 0x0649 -> t.arabicOnlyLetters++;
                            case 0x0623, 0x0625 -> t.hamzaAlef++;
                            default -> { }
                        }
                    } else {
                        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                        if (script == Character.UnicodeScript.LATIN) {
                            t.latinLetters++;
                        } else {
                            t.otherLetters++;
                            if (otherCounts == null) {
                                otherCounts = new int[SCRIPTS.length];
                            }
                            otherCounts[script.ordinal()]++;
                        }
                    }
                }
                word.appendCodePoint(Character.toLowerCase(fold(cp)));
                continue;
            }
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue; // combining accents and the like stay inside the word
            }
            if (word.length() > 0) {
                t.add(word.toString(), clauseId, sentenceId, atSentenceStart);
                word.setLength(0);
                atSentenceStart = false;
            }
            switch (cp) {
                case '?', 0x061F -> {
                    t.questionMark = true;
                    if (t.questions == null) {
                        t.questions = new java.util.BitSet();
                    }
                    t.questions.set(sentenceId);
                    sentenceId++;
                    clauseId++;
                    atSentenceStart = true;
                }
                case '.', '!', '\n', 0x2026, 0x06D4 -> {
                    sentenceId++;
                    clauseId++;
                    atSentenceStart = true;
                }
                case ',', ';', ':', 0x060C, 0x061B, 0x2013, 0x2014, '(', ')' -> clauseId++;
                default -> { }
            }
        }
        if (word.length() > 0) {
            t.add(word.toString(), clauseId, sentenceId, atSentenceStart);
        }
        if (otherCounts != null) {
            int best = 0;
            for (int s = 1; s < otherCounts.length; s++) {
                if (otherCounts[s] > otherCounts[best]) {
                    best = s;
                }
            }
            t.otherScript = SCRIPTS[best];
        }
        return t;
    }

    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    /** Adapts the matching-form words to a language: Arabic letter forms for ar, joined affixes for fa. */
    Tokens forLanguage(String language) {
        if ("ar".equals(language)) {
            for (int i = 0; i < size; i++) {
                String w = words[i];
                if (w.indexOf('\u06CC') >= 0 || w.indexOf('\u06A9') >= 0) {
                    words[i] = w.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643');
                }
            }
        } else if ("fa".equals(language)) {
            joinPersianAffixes();
        }
        return this;
    }

    private void joinPersianAffixes() {
        int out = 0;
        for (int i = 0; i < size; i++) {
            String w = words[i];
            if (out > 0 && FA_SUFFIXES.contains(w) && clause[out - 1] == clause[i]
                    && !FA_PREFIXES.contains(words[out - 1])) {
                words[out - 1] = words[out - 1] + w;
                continue;
            }
            words[out] = w;
            clause[out] = clause[i];
            sentence[out] = sentence[i];
            sentenceStart[out] = sentenceStart[i];
            if (out > 0 && FA_PREFIXES.contains(words[out - 1]) && clause[out - 1] == clause[i]) {
                words[out - 1] = words[out - 1] + w;
                continue;
            }
            out++;
        }
        size = out;
    }

    String joined() {
        return String.join(" ", Arrays.asList(words).subList(0, size));
    }

    private void add(String w, int clauseId, int sentenceId, boolean start) {
        if (size == words.length) {
            int cap = size * 2;
            words = Arrays.copyOf(words, cap);
            clause = Arrays.copyOf(clause, cap);
            sentence = Arrays.copyOf(sentence, cap);
            sentenceStart = Arrays.copyOf(sentenceStart, cap);
        }
        words[size] = w;
        clause[size] = clauseId;
        sentence[size] = sentenceId;
        sentenceStart[size] = start;
        size++;
    }

    boolean isQuestion(int sentenceId) {
        return questions != null && questions.get(sentenceId);
    }

    /** Marks a new clause from word {@code from} on (a contrast word such as "but" starts one). */
    void splitClauseAt(int from) {
        for (int i = from; i < size; i++) {
            clause[i] += 1_000_000;
        }
    }

    static boolean isDiacritic(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 || (cp >= 0x06D6 && cp <= 0x06ED);
    }

    static boolean isArabicScript(int cp) {
        return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF);
    }

    /** The matching form of one character (see the class comment). */
    static int fold(int cp) {
        return switch (cp) {
            case 0x064A, 0x0649, 0x06CC, 0x06D0, 0x06CD -> 0x06CC;
            case 0x0643, 0x06A9, 0x06AA -> 0x06A9;
            case 0x0629, 0x06C0, 0x06C1, 0x06C2, 0x06BE, 0x06D5 -> 0x0647;
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> 0x0627;
            default -> {
                if (cp >= 0x06F0 && cp <= 0x06F9) {
                    yield '0' + (cp - 0x06F0);
                }
                if (cp >= 0x0660 && cp <= 0x0669) {
                    yield '0' + (cp - 0x0660);
                }
                yield cp;
            }
        };
    }

    private static boolean needsCompatibilityNormalization(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF || c >= 0xFF01 && c <= 0xFF5E) {
                return true;
            }
        }
        return false;
    }
}
