package io.halqe.domain.survey;

import java.util.Map;

/** A choice of a single/multi question; answers store its id, pages show its text in their language. */
public record Option(String id, Map<String, String> text) {

    public Option {
        text = text == null ? Map.of() : Map.copyOf(text);
    }

    public String textIn(String language, String fallbackLanguage) {
        return text.getOrDefault(language, text.getOrDefault(fallbackLanguage, id));
    }
}
