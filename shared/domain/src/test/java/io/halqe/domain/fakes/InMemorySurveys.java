package io.halqe.domain.fakes;

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
}
