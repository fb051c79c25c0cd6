package io.halqe.domain.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The themes comments are tagged with. {@link #defaults()} covers delivery, price, support, product_quality,
 * usability and billing in English, Persian and Arabic (from {@code analytics/themes.txt}); a survey may
 * override or extend them with {@link #with(List)}.
 */
public record ThemeTaxonomy(List<Theme> themes) {

    private static final String RESOURCE = "analytics/themes.txt";

    public ThemeTaxonomy {
        themes = List.copyOf(themes);
    }

    public static ThemeTaxonomy defaults() {
        return Defaults.TAXONOMY;
    }

    /** A theme whose id already exists replaces it (in place); a new id is appended. */
    public ThemeTaxonomy with(List<Theme> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, Theme> byId = new LinkedHashMap<>();
        themes.forEach(t -> byId.put(t.id(), t));
        overrides.forEach(t -> byId.put(t.id(), t));
        return new ThemeTaxonomy(new ArrayList<>(byId.values()));
    }

    private static final class Defaults {
        static final ThemeTaxonomy TAXONOMY = load();

        private static ThemeTaxonomy load() {
            Map<String, Map<String, List<String>>> terms = new LinkedHashMap<>();
            String theme = null;
            for (ResourceLines.Line resourceLine : ResourceLines.read(RESOURCE)) {
                String line = resourceLine.text();
                if (line.startsWith("[") && line.endsWith("]")) {
                    theme = line.substring(1, line.length() - 1).strip();
                    terms.putIfAbsent(theme, new LinkedHashMap<>());
                    continue;
                }
                int colon = line.indexOf(':');
                if (theme == null || colon < 0) {
                    throw new IllegalStateException(RESOURCE + ": expected 'lang: term, term' under [theme]: " + line);
                }
                List<String> list = terms.get(theme).computeIfAbsent(line.substring(0, colon).strip(),
                        k -> new ArrayList<>());
                for (String term : line.substring(colon + 1).split(",")) {
                    if (!term.isBlank()) {
                        list.add(term.strip());
                    }
                }
            }
            List<Theme> themes = new ArrayList<>();
            terms.forEach((id, byLanguage) -> themes.add(new Theme(id, byLanguage)));
            return new ThemeTaxonomy(themes);
        }
    }
}
