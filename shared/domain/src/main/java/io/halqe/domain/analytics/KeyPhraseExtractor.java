package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The key phrases stage: up to {@value #MAX_KEY_PHRASES} phrases, in text order, chosen by rank: theme terms, then
 * sentiment terms, then bigrams of adjacent content words in one clause, then single content words. A phrase never
 * overlaps one chosen before it; stop words and the lexicon's other terms (negators, intensifiers, cues) are no
 * content.
 */
final class KeyPhraseExtractor {

    static final int MAX_KEY_PHRASES = 5;

    List<String> extract(NormalizedComment comment, TaggedThemes themes) {
        Tokens words = comment.words();
        Choice choice = new Choice(words.size());
        for (FoundTerm<List<String>> term : themes.terms()) {
            choice.take(term.start(), term.end());
        }
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            CoreEntry entry = term.payload();
            if (entry.hasSentiment() && entry.negator == 0 && entry.intensifier == 0) {
                choice.take(term.start(), term.end());
            }
        }
        boolean[] content = contentWords(comment);
        for (int i = 0; i + 1 < words.size() && choice.size() < MAX_KEY_PHRASES; i++) {
            if (content[i] && content[i + 1] && words.clause(i) == words.clause(i + 1)) {
                choice.take(i, i + 2);
                i++;
            }
        }
        for (int i = 0; i < words.size() && choice.size() < MAX_KEY_PHRASES; i++) {
            if (content[i]) {
                choice.take(i, i + 1);
            }
        }
        return choice.phrases(words);
    }

    /** Words long enough to mean something that are neither stop words, numbers nor part of a lexicon term. */
    private static boolean[] contentWords(NormalizedComment comment) {
        Tokens words = comment.words();
        boolean[] content = new boolean[words.size()];
        for (int i = 0; i < content.length; i++) {
            String w = words.word(i);
            content[i] = w.length() >= (Morphology.isLatin(w) ? 3 : 2) && !Character.isDigit(w.charAt(0))
                    && (comment.lexicon() == null || !comment.lexicon().stopwords.contains(w));
        }
        for (FoundTerm<CoreEntry> term : comment.terms()) {
            for (int k = term.start(); k < term.end(); k++) {
                content[k] = false;
            }
        }
        return content;
    }

    /** The phrases chosen so far, best first, as word spans. */
    private static final class Choice {
        private record Span(int start, int end) {
        }

        private final boolean[] taken;
        private final List<Span> spans = new ArrayList<>();

        Choice(int words) {
            taken = new boolean[words];
        }

        int size() {
            return spans.size();
        }

        /** Takes the span unless one of its words is taken already. */
        void take(int start, int end) {
            for (int k = start; k < end; k++) {
                if (taken[k]) {
                    return;
                }
            }
            for (int k = start; k < end; k++) {
                taken[k] = true;
            }
            spans.add(new Span(start, end));
        }

        /** The best {@value KeyPhraseExtractor#MAX_KEY_PHRASES}, in text order, each phrase once. */
        List<String> phrases(Tokens words) {
            List<Span> best = new ArrayList<>(spans.subList(0, Math.min(MAX_KEY_PHRASES, spans.size())));
            best.sort(Comparator.comparingInt(Span::start));
            List<String> phrases = new ArrayList<>(best.size());
            for (Span span : best) {
                String phrase = words.words(span.start(), span.end());
                if (!phrases.contains(phrase)) {
                    phrases.add(phrase);
                }
            }
            return List.copyOf(phrases);
        }
    }
}
