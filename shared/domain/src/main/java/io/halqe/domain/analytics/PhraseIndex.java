package io.halqe.domain.analytics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * A trie of terms by word key: finding the longest term starting at a word costs one hash lookup per word, and
 * nothing is allocated while matching.
 */
final class PhraseIndex<P> {

    static final class Node<P> {
        HashMap<String, Node<P>> next;
        P payload;
        String term;
    }

    final String language;
    final Node<P> root = new Node<>();
    /** Every word key of every term. */
    final Set<String> vocabulary = new HashSet<>();
    /** Word keys an inflected or cliticized word may be reduced to: not those of function words (لم، ما، نه). */
    final Set<String> stems = new HashSet<>();

    PhraseIndex(String language) {
        this.language = language;
    }

    /** Adds a term (already normalized, words separated by spaces) written in {@code termLanguage}. */
    void put(String normalizedTerm, String termLanguage, P payload, BinaryOperator<P> merge) {
        put(normalizedTerm, termLanguage, payload, merge, false);
    }

    /** {@code exactOnly}: a function word (negator, intensifier), found only as written, never by reduction. */
    void put(String normalizedTerm, String termLanguage, P payload, BinaryOperator<P> merge, boolean exactOnly) {
        if (normalizedTerm.isBlank()) {
            return;
        }
        if ("fa".equals(termLanguage) && normalizedTerm.indexOf(' ') > 0) {
            // Persian writes compounds with a space, a ZWNJ or nothing: «به صرفه», «به‌صرفه» (→ «بهصرفه»)
            putWords(normalizedTerm.replace(" ", ""), termLanguage, payload, merge, exactOnly);
        }
        putWords(normalizedTerm, termLanguage, payload, merge, exactOnly);
    }

    private void putWords(String normalizedTerm, String termLanguage, P payload, BinaryOperator<P> merge,
                          boolean exactOnly) {
        Node<P> node = root;
        for (String word : normalizedTerm.split(" ")) {
            String key = Morphology.lexiconKey(word, termLanguage);
            vocabulary.add(key);
            if (!exactOnly) {
                stems.add(key);
            }
            if (node.next == null) {
                node.next = new HashMap<>(4);
            }
            node = node.next.computeIfAbsent(key, k -> new Node<>());
        }
        node.payload = node.payload == null ? payload : merge.apply(node.payload, payload);
        if (node.term == null) {
            node.term = normalizedTerm;
        }
    }

    /** Keys of the text's words for this index; {@code negated} is filled for Persian negating prefixes. */
    String[] keys(Tokens tokens, boolean[] negated) {
        String[] keys = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            keys[i] = Morphology.textKey(tokens.word(i), language, vocabulary, stems, negated, i);
        }
        return keys;
    }

    /** The deepest node with a payload reached from word {@code start} within its clause, or null. */
    Node<P> longest(String[] keys, Tokens tokens, int start, int[] lengthOut) {
        Node<P> node = root;
        Node<P> best = null;
        for (int j = start; j < keys.length && tokens.clause(j) == tokens.clause(start); j++) {
            node = node.next == null ? null : node.next.get(keys[j]);
            if (node == null) {
                break;
            }
            if (node.payload != null) {
                best = node;
                lengthOut[0] = j - start + 1;
            }
        }
        return best;
    }
}
