package io.halqe.domain.analytics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A theme of the taxonomy: an id ({@code delivery}) and its terms by language code ({@code en}, {@code fa},
 * {@code ar}). A term is a word or a multi-word phrase, written naturally; it is normalized when indexed.
 */
public record Theme(String id, Map<String, List<String>> terms) {
    public Theme {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("theme id must not be blank");
        }
        terms = terms == null ? Map.of() : Map.copyOf(terms.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()))));
    }
}
