package io.halqe.domain.cases;

import io.halqe.domain.core.Page;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/reports/effectiveness}: did closing cases help? Over closed cases (closed within from/to): how many
 * were re-surveyed, the share of detractors (score 0–6 before) who answered 7 or more afterwards, and the average
 * score change — overall, by team and by theme of the original answer. Reads every closed case: O(closed cases).
 */
public final class ReportEffectiveness {

    private static final int PAGE = 200;

    private final CaseRepository cases;
    private final ResponseRepository responses;

    public ReportEffectiveness(CaseRepository cases, ResponseRepository responses) {
        this.cases = cases;
        this.responses = responses;
    }

    /** One group's figures; {@code recoveredShare} and {@code averageChange} are null without re-surveyed answers. */
    public record Figures(String key, int closedCases, int remeasured, int detractorsBefore, int recovered,
                          Double recoveredShare, Double averageChange) {
    }

    public record Report(Figures overall, List<Figures> byTeam, List<Figures> byTheme) {
    }

    public Report report(Instant from, Instant to) {
        Tally overall = new Tally();
        Map<String, Tally> byTeam = new TreeMap<>();
        Map<String, Tally> byTheme = new TreeMap<>();
        for (FollowUpCase closed : Page.all(cursor -> cases.list(CaseStatus.CLOSED, null, null, PAGE, cursor))) {
            CaseWork work = cases.work(closed.id());
            Instant closedAt = work.closedAt();
            if (closedAt != null && ((from != null && closedAt.isBefore(from)) || (to != null && !closedAt.isBefore(to)))) {
                continue;
            }
            overall.add(work.remeasurement());
            byTeam.computeIfAbsent(closed.team(), t -> new Tally()).add(work.remeasurement());
            for (String theme : themes(closed.surveyId(), closed.responseId())) {
                byTheme.computeIfAbsent(theme, t -> new Tally()).add(work.remeasurement());
            }
        }
        return new Report(overall.figures("all"), figures(byTeam), figures(byTheme));
    }

    private List<String> themes(String surveyId, String responseId) {
        List<String> themes = responses.find(surveyId, responseId).map(Response::enrichment)
                .map(enrichment -> enrichment.themes()).orElse(List.of());
        return themes.isEmpty() ? List.of("(none)") : themes;
    }

    private static List<Figures> figures(Map<String, Tally> tallies) {
        List<Figures> figures = new ArrayList<>();
        tallies.forEach((key, tally) -> figures.add(tally.figures(key)));
        return figures;
    }

    private static final class Tally {
        int closed;
        int remeasured;
        int detractors;
        int recovered;
        long change;
        int changed;

        void add(CaseWork.Remeasurement remeasurement) {
            closed++;
            if (remeasurement == null || remeasurement.scoreAfter() == null) {
                return;
            }
            remeasured++;
            if (remeasurement.scoreBefore() == null) {
                return;
            }
            changed++;
            change += remeasurement.scoreAfter() - remeasurement.scoreBefore();
            if (remeasurement.scoreBefore() <= 6) {
                detractors++;
                if (remeasurement.scoreAfter() >= 7) {
                    recovered++;
                }
            }
        }

        Figures figures(String key) {
            return new Figures(key, closed, remeasured, detractors, recovered,
                    detractors == 0 ? null : (double) recovered / detractors,
                    changed == 0 ? null : (double) change / changed);
        }
    }
}
