package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * A trie of terms by word key: finding the longest term starting at a word costs one hash lookup per word, and
 * matching allocates nothing but the words' keys and the terms found.
 */
final class PhraseIndex<P> {

    private static final class Node<P> {
        /** How many words lead from the root to this node: the length of the term ending here. */
        final int wordCount;
        HashMap<String, Node<P>> next;
        P payload;

        Node(int wordCount) {
            this.wordCount = wordCount;
        }
    }

    final String language;
    private final Node<P> root = new Node<>(0);
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
            int wordCount = node.wordCount + 1;
            node = node.next.computeIfAbsent(key, k -> new Node<>(wordCount));
        }
        node.payload = node.payload == null ? payload : merge.apply(node.payload, payload);
    }

    /** The terms in a text, longest first from each word on, left to right; a term never spans two clauses. */
    List<FoundTerm<P>> findAll(Tokens tokens) {
        Morphology.TextKeys keys = Morphology.textKeys(tokens, language, vocabulary, stems);
        List<FoundTerm<P>> found = new ArrayList<>();
        for (int start = 0; start < tokens.size(); ) {
            Node<P> node = longestAt(start, keys.keys(), tokens);
            if (node == null) {
                start++;
                continue;
            }
            int end = start + node.wordCount;
            found.add(new FoundTerm<>(start, end, node.payload, tokens.words(start, end),
                    keys.anyNegated(start, end)));
            start = end;
        }
        return found;
    }

    /** The deepest node with a payload reached from word {@code start} within its clause, or null. */
    private Node<P> longestAt(int start, String[] keys, Tokens tokens) {
        Node<P> node = root;
        Node<P> best = null;
        for (int j = start; j < keys.length && tokens.clause(j) == tokens.clause(start); j++) {
            node = node.next == null ? null : node.next.get(keys[j]);
            if (node == null) {
                break;
            }
            if (node.payload != null) {
                best = node;
            }
        }
        return best;
    }
}
