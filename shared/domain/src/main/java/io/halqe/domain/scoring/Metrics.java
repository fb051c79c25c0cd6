package io.halqe.domain.scoring;

import io.halqe.domain.survey.QuestionType;

/**
 * Scores with 95% intervals from a tally. NPS (and eNPS) use the normal approximation with variance
 * (p + d - (p - d)^2) / n on the -1..1 scale; CSAT (share of 4-5) a Wilson interval; CES and ratings a normal
 * interval on the mean (sample variance) kept within the question's scale, and CES also its share of "easy" (5-7). Below {@link #LOW_SAMPLE} answers
 * a figure is flagged as low-sample: its interval is too wide to act on alone.
 */
public final class Metrics {

    public static final int LOW_SAMPLE = 30;
    private static final double Z95 = 1.959963984540054;

    private Metrics() {
    }

    public record Nps(Double score, long promoters, long passives, long detractors, long n, double[] ci95,
                      boolean lowSample) {
    }

    public record Csat(Double score, long n, double[] ci95, boolean lowSample) {
    }

    public record Mean(Double mean, long n, double[] ci95, boolean lowSample) {
    }

    public record Ces(Double mean, Double easyShare, long n, double[] ci95, boolean lowSample) {
    }

    public static Nps nps(Tally tally) {
        long n = tally.npsN();
        if (n == 0) {
            return new Nps(null, 0, 0, 0, 0, null, true);
        }
        double p = (double) tally.promoters() / n;
        double d = (double) tally.detractors() / n;
        double score = p - d;
        double halfWidth = Z95 * Math.sqrt((p + d - score * score) / n);
        return new Nps(round(100 * score), tally.promoters(), tally.passives(), tally.detractors(), n,
                new double[] {round(100 * Math.max(-1, score - halfWidth)), round(100 * Math.min(1, score + halfWidth))},
                n < LOW_SAMPLE);
    }

    public static Csat csat(Tally tally) {
        long n = tally.csatN();
        if (n == 0) {
            return new Csat(null, 0, null, true);
        }
        double p = (double) tally.csatSatisfied() / n;
        double[] interval = wilson(p, n);
        return new Csat(round(100 * p), n, new double[] {round(100 * interval[0]), round(100 * interval[1])}, n < LOW_SAMPLE);
    }

    public static Ces ces(Tally tally) {
        Mean mean = mean(tally.cesN(), tally.cesSum(), tally.cesSumOfSquares(), QuestionType.CES);
        return new Ces(mean.mean(), tally.cesN() == 0 ? null : round(100.0 * tally.cesEasy() / tally.cesN()), mean.n(),
                mean.ci95(), mean.lowSample());
    }

    public static Mean rating(Tally tally) {
        return mean(tally.ratingN(), tally.ratingSum(), tally.ratingSumOfSquares(), QuestionType.RATING);
    }

    /** The normal interval on the mean, cut to the scale: a mean of 1-7 answers cannot lie outside 1-7. */
    private static Mean mean(long n, long sum, long sumOfSquares, QuestionType scale) {
        if (n == 0) {
            return new Mean(null, 0, null, true);
        }
        double mean = (double) sum / n;
        double variance = n > 1 ? (sumOfSquares - n * mean * mean) / (n - 1) : 0;
        double halfWidth = Z95 * Math.sqrt(Math.max(0, variance) / n);
        return new Mean(round(mean), n, new double[] {round(Math.max(scale.min(), mean - halfWidth)),
                round(Math.min(scale.max(), mean + halfWidth))}, n < LOW_SAMPLE);
    }

    private static double[] wilson(double p, long n) {
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {centre - halfWidth, centre + halfWidth};
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
