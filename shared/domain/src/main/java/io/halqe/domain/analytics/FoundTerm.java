package io.halqe.domain.analytics;

/**
 * A term of a {@link PhraseIndex} found in a comment's words.
 *
 * @param start           its first word
 * @param end             the word after its last
 * @param payload         what the index holds for the term: a lexicon entry, theme ids
 * @param text            its words as they stand in the comment (matching form), for the evidence
 * @param negatedByPrefix one of its words was found only without a Persian negating prefix (نرسید → رسید)
 */
record FoundTerm<P>(int start, int end, P payload, String text, boolean negatedByPrefix) {
}
