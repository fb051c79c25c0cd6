package io.halqe.domain.fakes;

import io.halqe.domain.core.Page;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemorySurveys implements SurveyRepository {

    private final Map<String, Survey> surveys = new HashMap<>();
    private final List<Survey> versions = new ArrayList<>();
    private final Map<String, Survey> previews = new HashMap<>();
    private final Map<String, Instant> previewsExpire = new HashMap<>();

    public InMemorySurveys(Survey... initial) {
        for (Survey survey : initial) {
            save(survey);
        }
    }

    @Override
    public Optional<Survey> find(String surveyId) {
        return Optional.ofNullable(surveys.get(surveyId));
    }

    @Override
    public void save(Survey survey) {
        surveys.put(survey.id(), survey);
        versions.add(survey);
    }

    @Override
    public boolean create(Survey survey) {
        if (surveys.putIfAbsent(survey.id(), survey) != null) {
            return false;
        }
        versions.add(survey);
        return true;
    }

    @Override
    public boolean replace(Survey next) {
        Survey current = surveys.get(next.id());
        if (current == null || current.version() != next.version() - 1) {
            return false;
        }
        surveys.put(next.id(), next);
        versions.add(next);
        return true;
    }

    @Override
    public Page<Survey> list(int limit, String cursor) {
        return new Page<>(surveys.values().stream().limit(limit).toList(), null);
    }

    @Override
    public List<Survey> versions(String surveyId, int limit) {
        return versions.stream().filter(survey -> survey.id().equals(surveyId))
                .sorted(Comparator.comparingInt(Survey::version).reversed()).limit(limit).toList();
    }

    @Override
    public void savePreview(String previewId, Survey draft, Instant expiresAt) {
        previews.put(previewId, draft);
        previewsExpire.put(previewId, expiresAt);
    }

    @Override
    public Optional<Survey> findPreview(String previewId, Instant now) {
        Instant expires = previewsExpire.get(previewId);
        return expires == null || expires.isBefore(now) ? Optional.empty() : Optional.of(previews.get(previewId));
    }
}
