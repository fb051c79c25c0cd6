package io.halqe.domain.analytics;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;

/**
 * A comment split into normalized words in one pass over its characters, with the clause and sentence each word
 * belongs to and the script statistics language detection needs.
 *
 * <p>Words are in the "matching form": diacritics and tatweel removed, ZWNJ joining, Persian and Arabic-Indic
 * digits as ASCII, lower case, and the Arabic-script letter variants folded to one form (yeh ي ى ی → ی, kaf ك ک → ک,
 * teh marbuta and heh variants ة ۀ → ه, alef with hamza or madda → ا). {@link #forLanguage} then gives the words
 * adapted to the detected language: Arabic gets ي and ك back, Persian has its detached prefixes and suffixes (می، نمی،
 * بی، ها، های، تر، ترین …) joined to their word, so «می خواهم», «می‌خواهم» and «میخواهم» are one word.
 *
 * <p>Immutable, as every stage of the analysis reads the same tokens: {@link #forLanguage} and
 * {@link #withClauseBreaksAt} return new ones.
 */
final class Tokens {

    private static final Set<String> FA_PREFIXES = Set.of("می", "نمی", "بی");
    private static final Set<String> FA_SUFFIXES = Set.of("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان",
            "هایتان", "هایشان", "ای", "ایی", "تر", "ترین", "ام", "اید", "اند", "اش", "شان", "مان", "تان");
    /** Added to the clause ids after a clause break, so they differ from every id before it. */
    private static final int CLAUSE_BREAK = 1_000_000;

    private final String[] words;
    private final int[] clause;
    private final int[] sentence;
    private final boolean[] sentenceStart;
    private final int size;
    /** Sentences ended by ? or ؟, by sentence index; null when there is none. */
    private final BitSet questions;
    private final ScriptCounts scripts;

    private Tokens(String[] words, int[] clause, int[] sentence, boolean[] sentenceStart, int size, BitSet questions,
                   ScriptCounts scripts) {
        this.words = words;
        this.clause = clause;
        this.sentence = sentence;
        this.sentenceStart = sentenceStart;
        this.size = size;
        this.questions = questions;
        this.scripts = scripts;
    }

    static Tokens of(String text) {
        if (needsCompatibilityNormalization(text)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        Builder t = new Builder(Math.max(4, text.length() / 4));
        ScriptCounts.Counter letters = new ScriptCounts.Counter();
        StringBuilder word = new StringBuilder(24);
        int clauseId = 0;
        int sentenceId = 0;
        boolean atSentenceStart = true;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isDiacritic(cp)) {
                continue;
            }
            if (cp == 0x200C || cp == 0x200D || cp == 0x00AD || cp == 0x200E || cp == 0x200F) {
                if (cp == 0x200C) {
                    letters.zwnj();
                }
                continue; // a joiner: the word goes on
            }
            if ((cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) && word.length() > 0
                    && i < n && Character.isLetter(text.codePointAt(i))) {
                continue; // don't → dont
            }
            if (Character.isLetterOrDigit(cp)) {
                if (Character.isLetter(cp)) {
                    letters.letter(cp);
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
                    t.question(sentenceId);
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
        return t.build(letters.counts());
    }

    /** Adapts the matching-form words to a language: Arabic letter forms for ar, joined affixes for fa. */
    Tokens forLanguage(String language) {
        if ("ar".equals(language)) {
            return withArabicLetterForms();
        }
        if ("fa".equals(language)) {
            return withPersianAffixesJoined();
        }
        return this;
    }

    private Tokens withArabicLetterForms() {
        String[] arabic = Arrays.copyOf(words, size);
        for (int i = 0; i < size; i++) {
            String w = arabic[i];
            if (w.indexOf('\u06CC') >= 0 || w.indexOf('\u06A9') >= 0) {
                arabic[i] = w.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643');
            }
        }
        return new Tokens(arabic, clause, sentence, sentenceStart, size, questions, scripts);
    }

    private Tokens withPersianAffixesJoined() {
        Builder joined = new Builder(Math.max(1, size));
        for (int i = 0; i < size; i++) {
            String w = words[i];
            int last = joined.size - 1;
            if (last >= 0 && FA_SUFFIXES.contains(w) && joined.clause[last] == clause[i]
                    && !FA_PREFIXES.contains(joined.words[last])) {
                joined.words[last] = joined.words[last] + w;
            } else if (last >= 0 && FA_PREFIXES.contains(joined.words[last]) && joined.clause[last] == clause[i]) {
                joined.words[last] = joined.words[last] + w;
            } else {
                joined.add(w, clause[i], sentence[i], sentenceStart[i]);
            }
        }
        joined.questions = questions;
        return joined.build(scripts);
    }

    /** The same words with a new clause starting at each word marked in {@code breakAt} (a contrast word: "but"). */
    Tokens withClauseBreaksAt(boolean[] breakAt) {
        int[] broken = null;
        int breaks = 0;
        for (int i = 0; i < size; i++) {
            if (breakAt[i]) {
                if (broken == null) {
                    broken = Arrays.copyOf(clause, size);
                }
                breaks++;
            }
            if (broken != null) {
                broken[i] += breaks * CLAUSE_BREAK;
            }
        }
        return broken == null ? this : new Tokens(words, broken, sentence, sentenceStart, size, questions, scripts);
    }

    int size() {
        return size;
    }

    String word(int i) {
        return words[i];
    }

    /** Words {@code start} (inclusive) to {@code end} (exclusive), separated by single spaces. */
    String words(int start, int end) {
        if (end - start == 1) {
            return words[start];
        }
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (k > start) {
                sb.append(' ');
            }
            sb.append(words[k]);
        }
        return sb.toString();
    }

    String joined() {
        return words(0, size);
    }

    int clause(int i) {
        return clause[i];
    }

    int sentence(int i) {
        return sentence[i];
    }

    boolean startsSentence(int i) {
        return sentenceStart[i];
    }

    boolean isQuestion(int sentenceId) {
        return questions != null && questions.get(sentenceId);
    }

    boolean hasQuestionMark() {
        return questions != null;
    }

    ScriptCounts scripts() {
        return scripts;
    }

    /** Collects the words while a text is read; only ever seen by the method that builds a {@link Tokens}. */
    private static final class Builder {
        String[] words;
        int[] clause;
        int[] sentence;
        boolean[] sentenceStart;
        int size;
        BitSet questions;

        Builder(int capacity) {
            words = new String[capacity];
            clause = new int[capacity];
            sentence = new int[capacity];
            sentenceStart = new boolean[capacity];
        }

        void add(String w, int clauseId, int sentenceId, boolean start) {
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

        void question(int sentenceId) {
            if (questions == null) {
                questions = new BitSet();
            }
            questions.set(sentenceId);
        }

        Tokens build(ScriptCounts scripts) {
            return new Tokens(words, clause, sentence, sentenceStart, size, questions, scripts);
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
