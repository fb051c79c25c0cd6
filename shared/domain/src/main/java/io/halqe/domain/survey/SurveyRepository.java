package io.halqe.domain.survey;

import java.util.Optional;

public interface SurveyRepository {

    /** The survey's current version. */
    Optional<Survey> find(String surveyId);

    void save(Survey survey);
}
