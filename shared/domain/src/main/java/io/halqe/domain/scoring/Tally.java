package io.halqe.domain.scoring;

import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Answer;
import java.util.List;
import java.util.Map;

/**
 * Additive sufficient statistics of a set of responses: counts, sums and sums of squares. Tallies add up, so
 * aggregates are kept incrementally and summed over days, partitions and groups on read.
 */
public record Tally(
        long responses,
        long promoters,
        long passives,
        long detractors,
        long csatN,
        long csatSatisfied,
        long cesN,
        long cesSum,
        long cesSumOfSquares,
        long cesEasy,
        long ratingN,
        long ratingSum,
        long ratingSumOfSquares) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counters' names, in the order of {@link #counters()}: how they are stored. */
    public static final List<String> COUNTERS = List.of("responses", "promoters", "passives", "detractors", "csatN",
            "csatSatisfied", "cesN", "cesSum", "cesSumOfSquares", "cesEasy", "ratingN", "ratingSum", "ratingSumOfSquares");

    /** CES answers of 5 to 7 (on 1-7) count as "easy". */
    public static final int CES_EASY = 5;

    /** The contribution of one response: its first answer of each scored type counts. */
    public static Tally of(Map<String, Answer> answers) {
        long promoters = 0, passives = 0, detractors = 0, csatN = 0, satisfied = 0, cesN = 0, cesSum = 0, cesSq = 0,
                cesEasy = 0, ratingN = 0, ratingSum = 0, ratingSq = 0;
        boolean npsSeen = false, csatSeen = false, cesSeen = false, ratingSeen = false;
        for (Answer answer : answers.values()) {
            if (!(answer instanceof Answer.Score score)) {
                continue;
            }
            int v = score.value();
            switch (score.type()) {
                case NPS -> {
                    if (!npsSeen) {
                        npsSeen = true;
                        switch (NpsCategory.of(v)) {
                            case PROMOTER -> promoters = 1;
                            case PASSIVE -> passives = 1;
                            case DETRACTOR -> detractors = 1;
                        }
                    }
                }
                case CSAT -> {
                    if (!csatSeen) {
                        csatSeen = true;
                        csatN = 1;
                        satisfied = v >= 4 ? 1 : 0;
                    }
                }
                case CES -> {
                    if (!cesSeen) {
                        cesSeen = true;
                        cesN = 1;
                        cesSum = v;
                        cesSq = (long) v * v;
                        cesEasy = v >= CES_EASY ? 1 : 0;
                    }
                }
                case RATING -> {
                    if (!ratingSeen) {
                        ratingSeen = true;
                        ratingN = 1;
                        ratingSum = v;
                        ratingSq = (long) v * v;
                    }
                }
                default -> {
                }
            }
        }
        return new Tally(1, promoters, passives, detractors, csatN, satisfied, cesN, cesSum, cesSq, cesEasy, ratingN,
                ratingSum, ratingSq);
    }

    public long[] counters() {
        return new long[] {responses, promoters, passives, detractors, csatN, csatSatisfied, cesN, cesSum,
            cesSumOfSquares, cesEasy, ratingN, ratingSum, ratingSumOfSquares};
    }

    public static Tally fromCounters(long[] c) {
        return new Tally(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12]);
    }

    public Tally plus(Tally other) {
        long[] a = counters();
        long[] b = other.counters();
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return fromCounters(a);
    }

    /** The same counts, subtracted: what takes a response back out of a cell. */
    public Tally negated() {
        long[] a = counters();
        for (int i = 0; i < a.length; i++) {
            a[i] = -a[i];
        }
        return fromCounters(a);
    }

    /** No response counted (a cell left like this is dropped). */
    public boolean isEmpty() {
        for (long counter : counters()) {
            if (counter != 0) {
                return false;
            }
        }
        return true;
    }

    public long npsN() {
        return promoters + passives + detractors;
    }
}
