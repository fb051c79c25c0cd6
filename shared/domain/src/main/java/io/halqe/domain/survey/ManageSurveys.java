package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Page;
import java.util.Optional;

/** Definitions through the admin API: validated, versioned, never edited in place. */
public final class ManageSurveys {

    public sealed interface Outcome {
        record Saved(Survey survey) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }

        record Exists(String surveyId) implements Outcome {
        }

        record NotFound(String surveyId) implements Outcome {
        }

        /** Another edit landed first; re-read and retry. */
        record Conflict(String surveyId) implements Outcome {
        }
    }

    private final SurveyRepository surveys;

    public ManageSurveys(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    public Outcome create(Survey draft) {
        Survey first = draft.withVersion(1);
        var problem = SurveyValidator.check(first);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        return surveys.create(first) ? new Outcome.Saved(first) : new Outcome.Exists(first.id());
    }

    /** A new version; responses keep the version they answered. */
    public Outcome update(String surveyId, Survey draft) {
        if (draft.id() != null && !draft.id().equals(surveyId)) {
            return new Outcome.Invalid(new Problem("id", "must match the survey in the path (" + surveyId + ")"));
        }
        Optional<Survey> current = surveys.find(surveyId);
        if (current.isEmpty()) {
            return new Outcome.NotFound(surveyId);
        }
        Survey next = draft.as(surveyId, current.get().version() + 1);
        var problem = SurveyValidator.check(next);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        return surveys.replace(next) ? new Outcome.Saved(next) : new Outcome.Conflict(surveyId);
    }

    public Optional<Survey> get(String surveyId) {
        return surveys.find(surveyId);
    }

    public Page<Survey> list(int limit, String cursor) {
        return surveys.list(limit, cursor);
    }
}
