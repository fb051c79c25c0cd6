package io.halqe.domain.events;

/** Detail of {@code ScoreShifted} (schema: events/schemas/ScoreShifted.v1.json). */
public record ScoreShifted(
        String version,
        String surveyId,
        String metric,
        String period,
        String direction,
        Figure before,
        Figure after,
        double z) implements DomainEvent {

    public static final String DETAIL_TYPE = "ScoreShifted";
    public static final String VERSION = "1";

    /** A period's score with its size and 95% interval. */
    public record Figure(String period, String from, String to, double score, long n, double[] ci95) {
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
