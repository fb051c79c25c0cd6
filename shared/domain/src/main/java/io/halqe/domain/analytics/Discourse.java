package io.halqe.domain.analytics;

import java.util.Arrays;

/**
 * How much each word of a comment counts for sentiment because of where it stands: around a contrast ("but", ولی،
 * لكن) or a concessive ("although", با اینکه، مع أن), and whether a lukewarm marker ("nothing special", معمولی،
 * عادي) sits on its side of the contrast. Built once per comment, read by every term.
 */
final class Discourse {

    static final double CONCEDED = 0.5;
    static final double ASSERTED = 1.5;
    /** In a lukewarm stretch praise counts little, criticism somewhat more. */
    static final double LUKEWARM_POSITIVE = 0.15;
    static final double LUKEWARM_NEGATIVE = 0.4;

    private final double[] weight;
    /** Per word: its stretch of a sentence, sentences being split at every contrast word ("but"). */
    private final int[] segment;
    private final boolean[] lukewarmSegment;

    private Discourse(double[] weight, int[] segment, boolean[] lukewarmSegment) {
        this.weight = weight;
        this.segment = segment;
        this.lukewarmSegment = lukewarmSegment;
    }

    static Discourse of(NormalizedComment comment) {
        Tokens words = comment.words();
        int n = words.size();
        double[] weight = new double[n];
        int[] segment = new int[n];
        Arrays.fill(weight, 1);
        boolean[] contrast = comment.contrastStarts();
        // the last contrast of each sentence splits it: before it counts half, from it on 1.5 times
        for (int i = 0, id = 0; i < n; i++) {
            boolean newSegment = i == 0 || words.sentence(i) != words.sentence(i - 1) || contrast[i];
            id += newSegment && i > 0 ? 1 : 0;
            segment[i] = id;
        }
        int lastContrast = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (contrast[i] && (lastContrast < 0 || words.sentence(lastContrast) != words.sentence(i))) {
                lastContrast = i;
                int sentence = words.sentence(i);
                for (int k = 0; k < n; k++) {
                    if (words.sentence(k) == sentence) {
                        weight[k] = k < i ? CONCEDED : ASSERTED;
                    }
                }
            }
        }
        // a concessive in a sentence without a contrast: its clause is conceded, the rest of the sentence asserted
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            if (!term.payload().concessive || hasContrast(words, contrast, words.sentence(term.start()))) {
                continue;
            }
            int sentence = words.sentence(term.start());
            int clause = words.clause(term.start());
            for (int k = 0; k < n; k++) {
                if (words.sentence(k) == sentence) {
                    weight[k] = words.clause(k) == clause && k >= term.start() ? CONCEDED : ASSERTED;
                }
            }
        }
        boolean[] lukewarm = new boolean[n == 0 ? 1 : segment[n - 1] + 1];
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            if (term.payload().lukewarm) {
                lukewarm[segment[term.start()]] = true;
            }
        }
        return new Discourse(weight, segment, lukewarm);
    }

    private static boolean hasContrast(Tokens words, boolean[] contrast, int sentence) {
        for (int i = 0; i < contrast.length; i++) {
            if (contrast[i] && words.sentence(i) == sentence) {
                return true;
            }
        }
        return false;
    }

    /** The contrast or concession weight of the word. */
    double weight(int word) {
        return weight[word];
    }

    /** A lukewarm marker on this word's side of its sentence's contrast damps a value found there. */
    double lukewarmFactor(int word, double value) {
        if (!lukewarmSegment[segment[word]]) {
            return 1;
        }
        return value > 0 ? LUKEWARM_POSITIVE : LUKEWARM_NEGATIVE;
    }

    /** Marks the segment of {@code word} lukewarm (a "neither good nor bad" sentence). */
    void markLukewarm(int word) {
        lukewarmSegment[segment[word]] = true;
    }

    boolean sameSegment(int a, int b) {
        return segment[a] == segment[b];
    }

    boolean isLukewarm(int word) {
        return lukewarmSegment[segment[word]];
    }
}
