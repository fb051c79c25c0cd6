package io.halqe.domain.survey;

import io.halqe.domain.core.KeptForAWhile;
import io.halqe.domain.core.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Survey definitions kept for {@link #FRESHNESS} after they are read, so a warm submission is one conditional write
 * rather than a read and a write. An edit reaches the hosted page and the submissions within that time; each answer
 * records the version it was checked against. Unknown ids are not kept: a survey just created is found at once
 * ({@link KeptForAWhile}).
 */
public final class CachedSurveys implements SurveyRepository {

    public static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final SurveyRepository store;
    private final KeptForAWhile<String, Survey> kept;

    public CachedSurveys(SurveyRepository store, Clock clock) {
        this.store = store;
        this.kept = new KeptForAWhile<>(FRESHNESS, clock);
    }

    @Override
    public Optional<Survey> find(String surveyId) {
        return kept.get(surveyId, store::find);
    }

    @Override
    public void save(Survey survey) {
        store.save(survey);
        kept.forget(survey.id());
    }

    @Override
    public boolean create(Survey survey) {
        kept.forget(survey.id());
        return store.create(survey);
    }

    @Override
    public boolean replace(Survey next) {
        kept.forget(next.id());
        return store.replace(next);
    }

    @Override
    public Page<Survey> list(int limit, String cursor) {
        return store.list(limit, cursor);
    }

    @Override
    public List<Survey> versions(String surveyId, int limit) {
        return store.versions(surveyId, limit);
    }

    /** Previews are never kept: each save is seen at once by the next render. */
    @Override
    public void savePreview(String previewId, Survey draft, Instant expiresAt) {
        store.savePreview(previewId, draft, expiresAt);
    }

    @Override
    public Optional<Survey> findPreview(String previewId, Instant now) {
        return store.findPreview(previewId, now);
    }
}
