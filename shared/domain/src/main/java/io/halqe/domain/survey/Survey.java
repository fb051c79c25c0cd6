package io.halqe.domain.survey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A survey definition at one version; a response records the version it answered. */
public record Survey(
        String id,
        int version,
        String name,
        String defaultLanguage,
        List<String> languages,
        List<Question> questions,
        Map<String, String> thankYou) {

    public Survey {
        languages = List.copyOf(languages);
        questions = List.copyOf(questions);
        thankYou = thankYou == null ? Map.of() : Map.copyOf(thankYou);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** The first NPS question, whose answer classifies the respondent. */
    public Optional<Question> npsQuestion() {
        return questions.stream().filter(question -> question.type() == QuestionType.NPS).findFirst();
    }

    public Optional<Question> firstTextQuestion() {
        return questions.stream().filter(question -> question.type() == QuestionType.TEXT).findFirst();
    }

    public String language(String requested) {
        return requested != null && languages.contains(requested) ? requested : defaultLanguage;
    }
}
