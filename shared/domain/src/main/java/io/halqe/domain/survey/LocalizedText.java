package io.halqe.domain.survey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text a customer reads, per language: {@code "Checkout"} (one text for every language, under {@link #ANY}) or
 * {@code {"en":"Checkout","fa":"پرداخت"}}. A language without its own text falls back to the survey's default
 * language, then to any text there is.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    /** The key of a text meant for every language. */
    public static final String ANY = "*";

    public LocalizedText {
        byLanguage = byLanguage == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(byLanguage));
    }

    public static LocalizedText of(String text) {
        return new LocalizedText(text == null ? Map.of() : Map.of(ANY, text));
    }

    /** One text for every language: how it is written back, as a plain string. */
    public boolean isSingle() {
        return byLanguage.size() == 1 && byLanguage.containsKey(ANY);
    }

    public String in(String language, String defaultLanguage) {
        String text = byLanguage.get(language);
        if (text == null) {
            text = byLanguage.get(defaultLanguage);
        }
        if (text == null) {
            text = byLanguage.get(ANY);
        }
        return text != null ? text : byLanguage.values().stream().findFirst().orElse("");
    }

    public boolean isEmpty() {
        return byLanguage.values().stream().allMatch(text -> text == null || text.isBlank());
    }
}
