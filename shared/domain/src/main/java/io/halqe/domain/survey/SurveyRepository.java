package io.halqe.domain.survey;

import io.halqe.domain.core.Page;
import java.util.Optional;

public interface SurveyRepository {

    /** The survey's current version. */
    Optional<Survey> find(String surveyId);

    /** Overwrites the current version (seeding). */
    void save(Survey survey);

    /** Stores version 1; false if a survey with this id exists. */
    boolean create(Survey survey);

    /** Stores {@code next} as the current version if the current one still is {@code next.version() - 1}. */
    boolean replace(Survey next);

    Page<Survey> list(int limit, String cursor);
}
