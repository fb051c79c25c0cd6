package io.halqe.domain.survey;

import io.halqe.domain.core.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Survey definitions kept for {@link #FRESHNESS} after they are read, so a warm submission is one conditional write
 * rather than a read and a write. An edit reaches the hosted page and the submissions within that time; each answer
 * records the version it was checked against. Unknown ids are not kept: a survey just created is found at once.
 */
public final class CachedSurveys implements SurveyRepository {

    public static final Duration FRESHNESS = Duration.ofSeconds(30);
    /** Bounds the memory a flood of distinct survey ids can take; past it, the cache starts over. */
    static final int MAX_ENTRIES = 1_000;

    private final SurveyRepository store;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Survey survey, Instant readAt) {
    }

    public CachedSurveys(SurveyRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<Survey> find(String surveyId) {
        Instant now = clock.instant();
        Kept entry = kept.get(surveyId);
        if (entry != null && now.isBefore(entry.readAt().plus(FRESHNESS))) {
            return Optional.of(entry.survey());
        }
        Optional<Survey> read = store.find(surveyId);
        if (read.isPresent()) {
            keep(surveyId, read.get(), now);
        } else {
            kept.remove(surveyId);
        }
        return read;
    }

    private void keep(String surveyId, Survey survey, Instant readAt) {
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        kept.put(surveyId, new Kept(survey, readAt));
    }

    @Override
    public void save(Survey survey) {
        store.save(survey);
        kept.remove(survey.id());
    }

    @Override
    public boolean create(Survey survey) {
        kept.remove(survey.id());
        return store.create(survey);
    }

    @Override
    public boolean replace(Survey next) {
        kept.remove(next.id());
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
