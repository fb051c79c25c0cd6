package io.halqe.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Problem;
import io.halqe.domain.fakes.InMemorySurveys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewSurveysTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final InMemorySurveys surveys = new InMemorySurveys();
    private final PreviewSurveys previews = new PreviewSurveys(surveys);

    @Test
    void preview_shouldKeepTheDraftForAnHour_asTheNextVersion_withoutPublishingIt() {
        // GIVEN a published survey at version 1
        new ManageSurveys(surveys).create(DemoSurveys.demoNps().withVersion(0));
        // WHEN an edit of it is previewed
        var outcome = previews.preview(DemoSurveys.demoNps().withVersion(0), NOW);
        // THEN the draft is kept as version 2 under its preview id, for an hour, and the published one is unchanged
        assertThat(outcome).isInstanceOfSatisfying(PreviewSurveys.Outcome.Ready.class, ready -> {
            assertThat(ready.survey().version()).isEqualTo(2);
            assertThat(ready.expiresAt()).isEqualTo(NOW.plus(PreviewSurveys.LIFETIME));
            assertThat(surveys.findPreview(ready.previewId(), NOW.plusSeconds(3599))).contains(ready.survey());
            assertThat(surveys.findPreview(ready.previewId(), NOW.plusSeconds(3601))).isEmpty();
        });
        assertThat(surveys.find("demo-nps").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void preview_shouldBeUnguessable_andNewEachTime_whenTheSameDraftIsPreviewedTwice() {
        var first = (PreviewSurveys.Outcome.Ready) previews.preview(DemoSurveys.demoNps(), NOW);
        var second = (PreviewSurveys.Outcome.Ready) previews.preview(DemoSurveys.demoNps(), NOW);
        assertThat(first.previewId()).hasSize(36).isNotEqualTo(second.previewId());
        assertThat(first.survey().version()).isEqualTo(1);
    }

    @Test
    void preview_shouldNameTheField_andKeepNothing_whenTheDraftIsInvalid() {
        // GIVEN a draft without questions
        Survey s = DemoSurveys.demoNps();
        Survey empty = new Survey("empty", 0, s.name(), s.kind(), s.defaultLanguage(), s.languages(), List.of(),
                s.hiddenFields(), false, null, s.allowedOrigins(), s.thankYou(), s.followUp(), s.themes(), null, null,
                null, null);
        // WHEN it is previewed THEN the problem is named as publishing would name it
        assertThat(previews.preview(empty, NOW)).isEqualTo(new PreviewSurveys.Outcome.Invalid(
                new Problem("questions", "must have 1 to 50 questions")));
    }
}
