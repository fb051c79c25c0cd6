package io.halqe.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.halqe.domain.analytics.Theme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmergingTopicsTest {

    private static final LocalDate SUNDAY = LocalDate.parse("2026-11-29");

    /** A day with {@code answers} answers, {@code phrases} giving how many of them carry each phrase cell. */
    private static AggregateStore.StoredDay day(LocalDate date, long answers, Map<String, Long> phrases) {
        Map<String, Tally> cells = new HashMap<>();
        cells.put(ScoreResponses.ALL, responses(answers));
        phrases.forEach((phrase, count) -> cells.put("phrase=" + phrase, responses(count)));
        return new AggregateStore.StoredDay(date, 1, cells, Map.of());
    }

    private static Tally responses(long count) {
        Tally tally = Tally.EMPTY;
        for (int i = 0; i < count; i++) {
            tally = tally.plus(Tally.of(Map.of()));
        }
        return tally;
    }

    /** Four baseline weeks with {@code before} answers a week carrying the phrase, then this week with {@code now}. */
    private static List<AggregateStore.StoredDay> weeks(String phrase, long before, long now) {
        List<AggregateStore.StoredDay> days = new ArrayList<>();
        for (int week = 4; week >= 1; week--) {
            days.add(day(SUNDAY.minusWeeks(week).minusDays(2), 40, Map.of(phrase, before, "en:steady", 4L)));
        }
        days.add(day(SUNDAY.minusDays(3), 40, Map.of(phrase, now, "en:steady", 4L)));
        return days;
    }

    @Test
    void of_shouldFindAPhrase_whenItsShareRisesSignificantlyThisWeek() {
        // GIVEN "new cups" in 1 of 40 answers a week for four weeks, then in 9 of 40 this week
        List<AggregateStore.StoredDay> days = weeks("en:new cups", 1, 9);
        // WHEN the emerging topics of the week ending Sunday are read
        List<EmergingTopics.Topic> topics = EmergingTopics.of(days, SUNDAY);
        // THEN it is the only one, with its shares and the pooled two-proportion z of the rise
        assertThat(topics).singleElement().satisfies(topic -> {
            assertThat(topic.phrase()).isEqualTo("new cups");
            assertThat(topic.language()).isEqualTo("en");
            assertThat(topic.answers()).isEqualTo(9);
            assertThat(topic.share()).isEqualTo(22.5);
            assertThat(topic.answersBefore()).isEqualTo(4);
            assertThat(topic.shareBefore()).isEqualTo(2.5);
            double pooled = 13.0 / 200;
            double z = (9 / 40.0 - 4 / 160.0) / Math.sqrt(pooled * (1 - pooled) * (1 / 40.0 + 1 / 160.0));
            assertThat(topic.z()).isCloseTo(z, within(0.01));
            assertThat(topic.cell()).isEqualTo("phrase=en:new cups");
        });
    }

    @Test
    void of_shouldFindNothing_whenAShareHoldsSteadyOrTheRiseIsTooSmall() {
        // GIVEN a phrase at 4 of 40 every week, and one going from 0 to 2 answers
        List<AggregateStore.StoredDay> days = weeks("en:rare", 0, 2);
        // WHEN the week is read THEN neither emerges: the steady one did not rise, the other is an anecdote
        assertThat(EmergingTopics.of(days, SUNDAY)).isEmpty();
    }

    @Test
    void of_shouldFindNothing_whenTheSurveyHasNoAnswersBeforeThisWeek() {
        // GIVEN a survey answered for the first time this week, 10 of 40 answers saying "new cups"
        List<AggregateStore.StoredDay> days = List.of(day(SUNDAY.minusDays(1), 40, Map.of("en:new cups", 10L)));
        // WHEN the week is read THEN there is no baseline to rise against
        assertThat(EmergingTopics.of(days, SUNDAY)).isEmpty();
    }

    @Test
    void of_shouldIgnoreDaysOutsideTheFiveWeeksAndTheOtherCell() {
        // GIVEN a rise counted under (other), and a sixth week back full of the phrase
        List<AggregateStore.StoredDay> days = new ArrayList<>(weeks("(other)", 0, 20));
        days.add(0, day(SUNDAY.minusWeeks(5).minusDays(1), 40, Map.of("en:new cups", 40L)));
        days.add(day(SUNDAY.minusDays(2), 0, Map.of("en:new cups", 5L)));
        // WHEN the week is read
        List<EmergingTopics.Topic> topics = EmergingTopics.of(days, SUNDAY);
        // THEN "(other)" is no topic, and the sixth week is not part of the baseline ("new cups" rose from 0)
        assertThat(topics).extracting(EmergingTopics.Topic::phrase).containsExactly("new cups");
        assertThat(topics.get(0).answersBefore()).isZero();
    }

    @Test
    void notCoveredBy_shouldDropATopic_whenASurveyThemeTermOccursInItWordForWord() {
        // GIVEN three emerging phrases and a survey theme with the terms "New  Cups" (as typed) and "شارژ"
        List<EmergingTopics.Topic> topics = List.of(topic("new cups", "en"), topic("cups", "en"),
                topic("شارژ باتری", "fa"), topic("cupsize", "en"));
        List<Theme> themes = List.of(new Theme("packaging", Map.of("en", List.of("New  Cups"), "fa", List.of("شارژ"))));
        // WHEN the topics the survey does not cover are kept
        List<EmergingTopics.Topic> left = EmergingTopics.notCoveredBy(themes, topics);
        // THEN a phrase containing a term is covered; a shorter phrase or a word that only starts alike is not
        assertThat(left).extracting(EmergingTopics.Topic::phrase).containsExactly("cups", "cupsize");
    }

    private static EmergingTopics.Topic topic(String phrase, String language) {
        return new EmergingTopics.Topic(phrase, language, 5, 10, 0, 0, 3);
    }
}
