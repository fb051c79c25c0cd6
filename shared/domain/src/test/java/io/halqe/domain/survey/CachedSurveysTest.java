package io.halqe.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.fakes.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedSurveysTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final InMemorySurveys stored = new InMemorySurveys(DemoSurveys.demoNps());
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final CachedSurveys cached = new CachedSurveys(new SurveyRepository() {
        @Override
        public Optional<Survey> find(String surveyId) {
            reads.incrementAndGet();
            return stored.find(surveyId);
        }

        @Override
        public void save(Survey survey) {
            stored.save(survey);
        }

        @Override
        public boolean create(Survey survey) {
            return stored.create(survey);
        }

        @Override
        public boolean replace(Survey next) {
            return stored.replace(next);
        }

        @Override
        public io.halqe.domain.core.Page<Survey> list(int limit, String cursor) {
            return stored.list(limit, cursor);
        }

        @Override
        public java.util.List<Survey> versions(String surveyId, int limit) {
            return stored.versions(surveyId, limit);
        }

        @Override
        public void savePreview(String previewId, Survey draft, Instant expiresAt) {
            stored.savePreview(previewId, draft, expiresAt);
        }

        @Override
        public Optional<Survey> findPreview(String previewId, Instant at) {
            reads.incrementAndGet();
            return stored.findPreview(previewId, at);
        }
    }, clock);

    @Test
    void find_shouldReadTheStoreOnce_whenAskedAgainWithinFreshness() {
        // GIVEN a survey read once
        String id = DemoSurveys.demoNps().id();
        assertThat(cached.find(id)).isPresent();
        // WHEN it is asked for again and again within the freshness window
        clock.advance(CachedSurveys.FRESHNESS.minusSeconds(1));
        for (int i = 0; i < 10; i++) {
            assertThat(cached.find(id)).isPresent();
        }
        // THEN the store was read once
        assertThat(reads).hasValue(1);
    }

    @Test
    void find_shouldSeeAnEditMadeElsewhere_whenFreshnessHasPassed() {
        // GIVEN a survey read, then edited through another function (not through this cache)
        Survey original = DemoSurveys.demoNps();
        cached.find(original.id());
        stored.save(original.withVersion(original.version() + 1));
        // WHEN the freshness window has passed
        clock.advance(CachedSurveys.FRESHNESS.plus(Duration.ofMillis(1)));
        // THEN the new version is read
        assertThat(cached.find(original.id())).get().extracting(Survey::version).isEqualTo(original.version() + 1);
        assertThat(reads).hasValue(2);
    }

    @Test
    void find_shouldFindASurveyAtOnce_whenItWasUnknownAMomentBefore() {
        // GIVEN an id asked for before its survey exists
        Survey survey = DemoSurveys.demoNps();
        InMemorySurveys empty = new InMemorySurveys();
        CachedSurveys cache = new CachedSurveys(empty, Clock.fixed(clock.instant(), ZoneOffset.UTC));
        assertThat(cache.find(survey.id())).isEmpty();
        // WHEN it is created
        empty.create(survey);
        // THEN it is found at once: a miss is not kept
        assertThat(cache.find(survey.id())).isPresent();
    }
}
