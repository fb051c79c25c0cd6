package io.halqe.domain.analytics;

import java.util.List;

/**
 * A comment as normalising leaves it for the later stages.
 *
 * @param language         the detected language code, or the fallback
 * @param languageEvidence why that language
 * @param words            the words in that language's matching form; a contrast word ("but") starts a new clause
 * @param lexicon          the lexicon the words were matched against; null for a language without one
 * @param terms            the lexicon's terms among the words (sentiment words, negators, intensifiers, type cues),
 *                         in text order
 * @param contrastStarts   by word: a contrast word or phrase ("but", «إلا أن») starts there
 */
record NormalizedComment(String language, Match languageEvidence, Tokens words, Lexicon lexicon,
                         List<FoundTerm<CoreEntry>> terms, boolean[] contrastStarts) {
    NormalizedComment {
        terms = List.copyOf(terms);
    }

    NormalizedComment(String language, Match languageEvidence, Tokens words, Lexicon lexicon,
                      List<FoundTerm<CoreEntry>> terms) {
        this(language, languageEvidence, words, lexicon, terms, new boolean[words.size()]);
    }

    boolean isStopword(int word) {
        return lexicon != null && lexicon.stopwords.contains(words.word(word));
    }
}
