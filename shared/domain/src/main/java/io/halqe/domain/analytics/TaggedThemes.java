package io.halqe.domain.analytics;

import java.util.List;

/**
 * What the themes stage found.
 *
 * @param ids      the themes' ids, each once, in the taxonomy's order
 * @param terms    the theme terms in the comment, in text order (the key phrases rank them first)
 * @param evidence a term and a theme id for every theme a term names
 */
record TaggedThemes(List<String> ids, List<FoundTerm<List<String>>> terms, List<Match> evidence) {
    TaggedThemes {
        ids = List.copyOf(ids);
        terms = List.copyOf(terms);
        evidence = List.copyOf(evidence);
    }
}
