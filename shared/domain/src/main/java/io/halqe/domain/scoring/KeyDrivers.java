package io.halqe.domain.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What costs the score most: for each value of a dimension (a theme, a feedback type, a touchpoint, a segment), its
 * share of the answers, the NPS of the answers with it and of those without it, and its impact — the NPS points the
 * whole survey would gain if the answers with it scored like the rest. With {@code w} the share of NPS answers that
 * have it, the survey's NPS is {@code w·with + (1 − w)·without}, so the impact is {@code without − overall =
 * w·(without − with)}; its 95% interval takes {@code w} as given and adds the two groups' NPS variances
 * ({@code (p + d − (p − d)²) / n} each, as {@link Metrics#nps}). Ordered by impact, the costliest first. Computed from
 * the tallies a {@link ReadMetrics} read gives (O(days), whatever the number of answers).
 */
public final class KeyDrivers {

    private static final double Z95 = 1.959963984540054;

    private KeyDrivers() {
    }

    /** {@code impact} and {@code ci95} are null when every NPS answer has the value (there is no "rest"). */
    public record Driver(String key, long responses, double share, Metrics.Nps with, Metrics.Nps without,
                         Double impact, double[] ci95) {
    }

    public static List<Driver> of(Tally overall, List<ReadMetrics.Group> groups) {
        List<Driver> drivers = new ArrayList<>();
        for (ReadMetrics.Group group : groups) {
            Tally with = group.tally();
            Tally without = overall.plus(with.negated());
            double share = overall.responses() == 0 ? 0 : round(100.0 * with.responses() / overall.responses());
            Double impact = null;
            double[] interval = null;
            if (with.npsN() > 0 && without.npsN() > 0) {
                double w = (double) with.npsN() / overall.npsN();
                double gap = nps(without) - nps(with);
                double halfWidth = Z95 * w * Math.sqrt(variance(with) + variance(without));
                impact = round(100 * w * gap);
                interval = new double[] {round(100 * (w * gap - halfWidth)), round(100 * (w * gap + halfWidth))};
            }
            drivers.add(new Driver(group.key(), with.responses(), share, Metrics.nps(with), Metrics.nps(without), impact,
                    interval));
        }
        drivers.sort(Comparator.comparing((Driver driver) -> driver.impact() == null ? Double.NEGATIVE_INFINITY
                : driver.impact()).reversed().thenComparing(Driver::key));
        return drivers;
    }

    private static double nps(Tally tally) {
        return (double) (tally.promoters() - tally.detractors()) / tally.npsN();
    }

    private static double variance(Tally tally) {
        double p = (double) tally.promoters() / tally.npsN();
        double d = (double) tally.detractors() / tally.npsN();
        return (p + d - (p - d) * (p - d)) / tally.npsN();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
