package io.halqe.domain.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One question; {@code text} is keyed by language code. */
public record Question(String id, QuestionType type, boolean required, Map<String, String> text, List<Option> options) {

    public Question {
        text = text == null ? Map.of() : Map.copyOf(text);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public String textIn(String language, String fallbackLanguage) {
        return text.getOrDefault(language, text.getOrDefault(fallbackLanguage, id));
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
    }
}
