package io.halqe.domain.survey;

import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Page;
import io.halqe.domain.analytics.Theme;
import io.halqe.domain.analytics.ThemeTaxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Files {@code term} under the survey's theme {@code themeId} (a new version of the survey): added to the
     * survey's own theme of that id; a default theme is copied into the survey with it; an unknown id becomes a new
     * theme. Answers enriched from then on are tagged with it. A term the theme has already changes nothing.
     */
    public Outcome addThemeTerm(String surveyId, String themeId, String language, String term) {
        Optional<Survey> current = surveys.find(surveyId);
        if (current.isEmpty()) {
            return new Outcome.NotFound(surveyId);
        }
        Theme base = current.get().themes().stream().filter(theme -> theme.id().equals(themeId)).findFirst()
                .or(() -> ThemeTaxonomy.defaults().themes().stream().filter(theme -> theme.id().equals(themeId))
                        .findFirst())
                .orElse(new Theme(themeId, Map.of()));
        List<String> terms = base.terms().getOrDefault(language, List.of());
        if (terms.contains(term) && current.get().themes().contains(base)) {
            return new Outcome.Saved(current.get());
        }
        Map<String, List<String>> byLanguage = new LinkedHashMap<>(base.terms());
        List<String> extended = new ArrayList<>(terms);
        if (!extended.contains(term)) {
            extended.add(term);
        }
        byLanguage.put(language, extended);
        return update(surveyId, current.get().withThemes(new ThemeTaxonomy(current.get().themes())
                .with(List.of(new Theme(themeId, byLanguage))).themes()));
    }

    public Optional<Survey> get(String surveyId) {
        return surveys.find(surveyId);
    }

    public Page<Survey> list(int limit, String cursor) {
        return surveys.list(limit, cursor);
    }

    /** The survey's versions, newest first; {@link Outcome.NotFound} is not needed: none is an empty list. */
    public List<Survey> versions(String surveyId, int limit) {
        return surveys.versions(surveyId, limit);
    }
}
