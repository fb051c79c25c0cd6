package io.halqe.domain.response;

import io.halqe.domain.survey.QuestionType;
import java.util.List;

/** A validated answer to one question; scores keep their question type so later stages need no survey lookup. */
public sealed interface Answer {

    record Score(QuestionType type, int value) implements Answer {
    }

    record Text(String value) implements Answer {
    }

    record Choices(List<String> values) implements Answer {
        public Choices {
            values = List.copyOf(values);
        }
    }
}
