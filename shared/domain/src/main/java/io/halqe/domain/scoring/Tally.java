package io.halqe.domain.scoring;

import io.halqe.domain.enrichment.NpsCategory;
import io.halqe.domain.response.Answer;
import java.util.Map;

/**
 * Additive sufficient statistics of a set of responses: counts, sums and sums of squares. Tallies add up, so
 * aggregates are kept incrementally and sharded items are summed on read.
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
        long cesSumOfSquares) {

    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The contribution of one response: its first answer of each scored type counts. */
    public static Tally of(Map<String, Answer> answers) {
        long promoters = 0, passives = 0, detractors = 0, csatN = 0, satisfied = 0, cesN = 0, cesSum = 0, cesSq = 0;
        boolean npsSeen = false, csatSeen = false, cesSeen = false;
        for (Answer answer : answers.values()) {
            if (!(answer instanceof Answer.Score score)) {
                continue;
            }
            switch (score.type()) {
                case NPS -> {
                    if (!npsSeen) {
                        npsSeen = true;
                        switch (NpsCategory.of(score.value())) {
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
                        satisfied = score.value() >= 4 ? 1 : 0;
                    }
                }
                case CES -> {
                    if (!cesSeen) {
                        cesSeen = true;
                        cesN = 1;
                        cesSum = score.value();
                        cesSq = (long) score.value() * score.value();
                    }
                }
                default -> {
                }
            }
        }
        return new Tally(1, promoters, passives, detractors, csatN, satisfied, cesN, cesSum, cesSq);
    }

    public Tally plus(Tally other) {
        return new Tally(responses + other.responses, promoters + other.promoters, passives + other.passives,
                detractors + other.detractors, csatN + other.csatN, csatSatisfied + other.csatSatisfied,
                cesN + other.cesN, cesSum + other.cesSum, cesSumOfSquares + other.cesSumOfSquares);
    }

    public long npsN() {
        return promoters + passives + detractors;
    }
}
