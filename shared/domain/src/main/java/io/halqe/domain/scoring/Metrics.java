package io.halqe.domain.scoring;

/**
 * Scores with 95% intervals from a tally. NPS uses the normal approximation with variance
 * (p + d - (p - d)^2) / n on the -1..1 scale; CSAT a Wilson interval; CES a normal interval on the mean.
 * Below {@link #LOW_SAMPLE} answers a figure is flagged as low-sample.
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

    public record Ces(Double mean, long n, double[] ci95, boolean lowSample) {
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
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Csat(round(100 * p), n, new double[] {round(100 * (centre - halfWidth)), round(100 * (centre + halfWidth))},
                n < LOW_SAMPLE);
    }

    public static Ces ces(Tally tally) {
        long n = tally.cesN();
        if (n == 0) {
            return new Ces(null, 0, null, true);
        }
        double mean = (double) tally.cesSum() / n;
        double variance = n > 1 ? (tally.cesSumOfSquares() - n * mean * mean) / (n - 1) : 0;
        double halfWidth = Z95 * Math.sqrt(Math.max(0, variance) / n);
        return new Ces(round(mean), n, new double[] {round(mean - halfWidth), round(mean + halfWidth)}, n < LOW_SAMPLE);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
