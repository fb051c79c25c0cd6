package io.halqe.domain.analytics;

import java.util.Objects;

/**
 * One piece of evidence behind an analysis.
 *
 * @param kind   {@code language}, {@code sentiment}, {@code problem}, {@code lukewarm}, {@code negation},
 *               {@code intensifier}, {@code theme}, {@code theme-context} (a theme a word's context took away),
 *               {@code theme-weak} (a mere mention left out beside a theme named more surely), {@code theme-model}
 *               (a theme no term named, added by {@code ThemeModel}: the word that spoke most for it, and the theme
 *               with its probability) or {@code type}
 * @param term   what was found, in its normalized form (or a summary such as {@code nps=3} for the NPS prior)
 * @param detail what it decided: the theme id, a signed contribution such as {@code +0.60}, a feedback type, …
 */
public record Match(String kind, String term, String detail) {
    public Match {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(detail, "detail");
    }
}
