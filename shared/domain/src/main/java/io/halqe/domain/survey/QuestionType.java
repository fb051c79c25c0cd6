package io.halqe.domain.survey;

/** Question types and, for scales, their inclusive bounds. */
public enum QuestionType {
    NPS(0, 10), CSAT(1, 5), CES(1, 7), RATING(1, 5), YESNO(0, 1), SINGLE, MULTI, TEXT;

    private final Integer min;
    private final Integer max;

    QuestionType() {
        this(null, null);
    }

    QuestionType(Integer min, Integer max) {
        this.min = min;
        this.max = max;
    }

    public boolean isScale() {
        return min != null;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
