package io.halqe.domain.fakes;

import io.halqe.domain.core.Page;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemorySurveys implements SurveyRepository {

    private final Map<String, Survey> surveys = new HashMap<>();

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
    }

    @Override
    public boolean create(Survey survey) {
        return surveys.putIfAbsent(survey.id(), survey) == null;
    }

    @Override
    public boolean replace(Survey next) {
        Survey current = surveys.get(next.id());
        if (current == null || current.version() != next.version() - 1) {
            return false;
        }
        surveys.put(next.id(), next);
        return true;
    }

    @Override
    public Page<Survey> list(int limit, String cursor) {
        return new Page<>(surveys.values().stream().limit(limit).toList(), null);
    }
}
