package io.halqe.domain.core;

/**
 * What is wrong with an input, and where: the one validation result every use case returns.
 *
 * @param field   the input at fault ({@code answers.nps}, {@code questions[1].options}), or null for the whole input
 * @param message what is wrong with it, phrased to follow the field name ({@code "is required"})
 */
public record Problem(String field, String message) {

    /** {@code "answers.nps must be a whole number from 0 to 10"}: how an API or a log reports it. */
    public String describe() {
        return field == null ? message : field + " " + message;
    }
}
