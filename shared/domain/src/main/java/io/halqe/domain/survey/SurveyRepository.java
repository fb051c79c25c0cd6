package io.halqe.domain.survey;

import io.halqe.domain.core.Page;
import java.time.Instant;
import java.util.List;
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

    /** The survey's versions, newest first, at most {@code limit}. */
    List<Survey> versions(String surveyId, int limit);

    /** Keeps an unpublished draft under {@code previewId} until {@code expiresAt}, for the hosted page's preview. */
    void savePreview(String previewId, Survey draft, Instant expiresAt);

    /** The draft kept under {@code previewId}, unless it expired before {@code now}. */
    Optional<Survey> findPreview(String previewId, Instant now);
}
