package io.halqe.domain.privacy;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Page;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.time.Duration;
import java.time.Instant;

/**
 * The response retention period ({@code ResponseRetentionDays}; 0 keeps everything): each sweep anonymises, oldest
 * first and at most {@code budget} at a time, the answers older than the period — with their case's comment and the
 * comment in the customer's history — keeping every score, so no figure changes. Progress is kept per survey, so a
 * sweep reads only what it has not done yet.
 */
public final class ApplyRetention {

    private final SurveyRepository surveys;
    private final ResponseRepository responses;
    private final CaseRepository cases;
    private final CustomerDirectory directory;
    private final RetentionProgress progress;

    public ApplyRetention(SurveyRepository surveys, ResponseRepository responses, CaseRepository cases,
                          CustomerDirectory directory, RetentionProgress progress) {
        this.surveys = surveys;
        this.responses = responses;
        this.cases = cases;
        this.directory = directory;
        this.progress = progress;
    }

    /** The number of responses anonymised now. */
    public int apply(Instant now, int retentionDays, int budget) {
        if (retentionDays <= 0) {
            return 0;
        }
        Instant cutoff = now.minus(Duration.ofDays(retentionDays));
        int done = 0;
        for (Survey survey : Page.all(cursor -> surveys.list(100, cursor))) {
            if (done >= budget) {
                break;
            }
            var due = responses.submittedBetween(survey.id(), progress.last(survey.id()).orElse(null), cutoff, budget - done);
            for (ResponseRepository.Keyed keyed : due) {
                anonymise(keyed.response());
                progress.advance(survey.id(), keyed.key());
                done++;
            }
        }
        return done;
    }

    private void anonymise(Response response) {
        if (response.customerId() != null) {
            directory.forgetComment(response.customerId(), response.submittedAt(), response.id());
        }
        responses.replaceAnonymised(response.anonymised());
        cases.anonymise(FollowUpCase.idFor(response.id()));
    }
}
