package io.halqe.domain.survey;

import java.util.List;
import java.util.Map;

/** One question; {@code text} is keyed by language code. */
public record Question(String id, QuestionType type, boolean required, Map<String, String> text, List<String> options) {

    public Question {
        text = Map.copyOf(text);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String textIn(String language, String fallbackLanguage) {
        return text.getOrDefault(language, text.getOrDefault(fallbackLanguage, id));
    }
}
