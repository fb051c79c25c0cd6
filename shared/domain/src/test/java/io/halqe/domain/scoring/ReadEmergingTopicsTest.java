package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.analytics.Theme;
import io.halqe.domain.fakes.InMemoryAggregates;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadEmergingTopicsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate SUNDAY = LocalDate.parse("2026-11-29");
    private final InMemoryAggregates aggregates = new InMemoryAggregates();
    private final InMemoryResponses responses = new InMemoryResponses();
    private final ReadEmergingTopics reader = new ReadEmergingTopics(aggregates, responses, UTC);
    private final Survey survey = DemoSurveys.demoNps();
    private int sequence;

    /** One answer on {@code day} whose analysis found {@code phrases} (none a lexicon term) and {@code themes}. */
    private void answer(LocalDate day, String language, List<String> phrases, List<String> themes) {
        String id = "r" + (++sequence);
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(sequence);
        Enrichment enrichment = new Enrichment(4, NpsCategory.DETRACTOR, "comment " + id, language, 3, "negative",
                -0.5, themes, "complaint", phrases, List.of(), null, List.of(), List.of(), null, at, List.of());
        Response response = Response.received(id, survey.id(), 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 4)),
                language, at).enriched(enrichment);
        responses.stored.put(id, response);
        new ScoreResponses(aggregates).apply(List.of(new ScoredResponse(survey.id(), 0, Integer.toString(sequence),
                day, ScoreCells.of(response), Tally.of(response.answers()))));
    }

    private void baseline() {
        for (int week = 4; week >= 1; week--) {
            for (int i = 0; i < 10; i++) {
                answer(SUNDAY.minusWeeks(week), "en", List.of("weather"), List.of());
            }
        }
    }

    @Test
    void read_shouldGiveExamplesAndTheThemeMostExamplesHave_whenAPhraseEmerges() {
        // GIVEN a quiet baseline, then five answers this week saying "new cups", four of them tagged delivery
        baseline();
        for (int i = 0; i < 5; i++) {
            answer(SUNDAY.minusDays(i), "en", List.of("new cups"), i == 0 ? List.of("price") : List.of("delivery"));
        }
        answer(SUNDAY.minusDays(1), "en", List.of("weather"), List.of());
        // WHEN the week's emerging topics are read
        List<ReadEmergingTopics.Finding> findings = reader.read(survey, SUNDAY, 10);
        // THEN "new cups" emerges with three of its answers as examples, filed under the theme most of them have
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.topic().phrase()).isEqualTo("new cups");
            assertThat(finding.topic().answers()).isEqualTo(5);
            assertThat(finding.examples()).hasSize(ReadEmergingTopics.EXAMPLES)
                    .allSatisfy(example -> assertThat(example.comment()).startsWith("comment r"));
            assertThat(finding.suggestedTheme()).isEqualTo("delivery");
            assertThat(finding.newTheme()).isFalse();
        });
    }

    @Test
    void read_shouldSuggestANewThemeNamedAfterThePhrase_andStopListingIt_onceTheSurveyCoversIt() {
        // GIVEN "Lid Cracks" and a Persian phrase emerging in answers no theme was found in
        baseline();
        for (int i = 0; i < 4; i++) {
            answer(SUNDAY.minusDays(i), "en", List.of("lid cracks"), List.of());
            answer(SUNDAY.minusDays(i), "fa", List.of("درب لیوان"), List.of());
        }
        // WHEN the topics are read
        List<ReadEmergingTopics.Finding> findings = reader.read(survey, SUNDAY, 10);
        // THEN each suggests a new theme: a slug of a Latin phrase, a stable topic_ id for another script
        assertThat(findings).extracting(finding -> finding.topic().phrase(), ReadEmergingTopics.Finding::suggestedTheme,
                ReadEmergingTopics.Finding::newTheme).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("lid cracks", "lid_cracks", true),
                org.assertj.core.groups.Tuple.tuple("درب لیوان", ReadEmergingTopics.newThemeId("درب لیوان"), true));
        assertThat(ReadEmergingTopics.newThemeId("درب لیوان")).matches("topic_[0-9a-f]+");
        // AND once the survey files "lid cracks" under a theme, only the other is listed
        Survey covering = survey.withThemes(List.of(new Theme("packaging", Map.of("en", List.of("lid cracks")))));
        assertThat(reader.read(covering, SUNDAY, 10)).extracting(finding -> finding.topic().phrase())
                .containsExactly("درب لیوان");
        // AND the limit keeps the strongest
        assertThat(reader.read(survey, SUNDAY, 1)).hasSize(1);
    }

    @Test
    void read_shouldFindNoExamples_outsideTheWeek() {
        // GIVEN a phrase in one answer the Sunday before the week, then in three on the week's first day
        baseline();
        answer(SUNDAY.minusDays(7), "en", List.of("lid cracks"), List.of());
        for (int i = 0; i < 3; i++) {
            answer(SUNDAY.minusDays(6), "en", List.of("lid cracks"), List.of());
        }
        // WHEN the topics are read
        var finding = reader.read(survey, SUNDAY, 10).get(0);
        // THEN the examples are the week's three, not the one from the Sunday before
        assertThat(finding.examples()).hasSize(3).allSatisfy(example ->
                assertThat(example.submittedAt()).isAfterOrEqualTo(SUNDAY.minusDays(6).atStartOfDay(UTC).toInstant()));
    }
}
