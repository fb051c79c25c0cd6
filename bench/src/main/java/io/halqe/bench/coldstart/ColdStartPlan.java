package io.halqe.bench.coldstart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure part of the cold-start benchmark: which sample runs when, and what the samples add up to. Each function's
 * sample is preceded by a floor sample of its own, so a ratio compares two starts a few seconds apart on a machine
 * whose load drifts; the rounds repeat the whole sequence.
 */
public final class ColdStartPlan {

    /** Marks a floor sample's step. */
    public static final String FLOOR = "floor";

    /** One fresh JVM: {@code sample} is the function started, or {@link #FLOOR} before {@code pairedWith}. */
    public record Step(int round, String sample, String pairedWith) {
        public boolean floor() {
            return sample.equals(FLOOR);
        }
    }

    /**
     * A function's cold start next to the floor started just before it, in one round: wall time (what Lambda bills)
     * and the JVM's CPU time (all its threads; steadier than wall time on a machine others are loading), in ms.
     */
    public record Pair(int round, String function, double floorMs, double functionMs, double floorCpuMs,
                       double functionCpuMs) {
        public double ratio() {
            return functionMs / floorMs;
        }

        public double cpuRatio() {
            return functionCpuMs / floorCpuMs;
        }
    }

    /**
     * Per function over the rounds: medians of its cold starts and of its floors, the median, lowest and highest of
     * the round-by-round ratios (the spread says how far to trust the median), and the median CPU-time ratio.
     */
    public record Summary(String function, int samples, double medianMs, double medianFloorMs, double medianRatio,
                          double minRatio, double maxRatio, double medianCpuRatio) {
    }

    private ColdStartPlan() {
    }

    /** floor, f1, floor, f2, … for each round in turn. */
    public static List<Step> steps(List<String> functions, int rounds) {
        List<Step> steps = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String function : functions) {
                steps.add(new Step(round, FLOOR, function));
                steps.add(new Step(round, function, function));
            }
        }
        return steps;
    }

    /** One summary per function, in the order the functions first appear. */
    public static List<Summary> summarize(List<Pair> pairs) {
        Map<String, List<Pair>> byFunction = new LinkedHashMap<>();
        pairs.forEach(pair -> byFunction.computeIfAbsent(pair.function(), name -> new ArrayList<>()).add(pair));
        List<Summary> summaries = new ArrayList<>();
        byFunction.forEach((function, its) -> {
            List<Double> ratios = its.stream().map(Pair::ratio).toList();
            summaries.add(new Summary(function, its.size(), median(its.stream().map(Pair::functionMs).toList()),
                    median(its.stream().map(Pair::floorMs).toList()), median(ratios),
                    ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    median(its.stream().map(Pair::cpuRatio).toList())));
        });
        return summaries;
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
