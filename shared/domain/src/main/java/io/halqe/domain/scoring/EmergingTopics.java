package io.halqe.domain.scoring;

import io.halqe.domain.analytics.TextNormalization;
import io.halqe.domain.analytics.Theme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is new this week: the comment phrases no lexicon term covers ({@link ScoreCells#phraseCells}) whose share of
 * the answers rose significantly in the seven days up to {@code to} against the four weeks before. Read from the day
 * aggregates the scoring function keeps incrementally (O(days), whatever the number of answers).
 *
 * <p>The test is one-sided on two proportions with the pooled variance: with {@code c1} of {@code n1} answers this
 * week and {@code c0} of {@code n0} before, {@code z = (c1/n1 − c0/n0) / √(p(1 − p)(1/n1 + 1/n0))}, {@code p =
 * (c1 + c0)/(n1 + n0)}; a phrase emerges at {@code z ≥ 1.96} (a 2.5% chance of rising that much by luck) and at least
 * {@link #MIN_ANSWERS} answers. A survey with no answers before this week has no baseline, so nothing can emerge yet.
 */
public final class EmergingTopics {

    public static final int WEEK_DAYS = 7;
    public static final int BASELINE_WEEKS = 4;
    /** Fewer answers than this are an anecdote, however steep the rise. */
    public static final int MIN_ANSWERS = 3;
    static final double Z_ONE_SIDED_2_5_PERCENT = 1.959963984540054;

    /**
     * @param phrase        the phrase as the analyzer normalized it
     * @param language      the language of the comments it came from
     * @param answers       answers with it this week
     * @param share         their percentage of this week's answers
     * @param answersBefore answers with it in the four weeks before
     * @param shareBefore   their percentage of those weeks' answers
     */
    public record Topic(String phrase, String language, long answers, double share, long answersBefore,
                        double shareBefore, double z) {

        /** The score cell it is counted in. */
        public String cell() {
            return ScoreResponses.cell(ScoreCells.PHRASE, language + ":" + phrase);
        }
    }

    private EmergingTopics() {
    }

    /** The first day {@link #of} reads for a week ending on {@code to}. */
    public static LocalDate firstDay(LocalDate to) {
        return to.minusDays((long) WEEK_DAYS * (1 + BASELINE_WEEKS) - 1);
    }

    /** The emerging phrases in {@code days} for the week ending on {@code to}, the strongest rise first. */
    public static List<Topic> of(List<AggregateStore.StoredDay> days, LocalDate to) {
        LocalDate weekStart = to.minusDays(WEEK_DAYS - 1);
        LocalDate first = firstDay(to);
        long answersThisWeek = 0;
        long answersBefore = 0;
        Map<String, long[]> counts = new TreeMap<>();
        for (AggregateStore.StoredDay day : days) {
            if (day.day().isBefore(first) || day.day().isAfter(to)) {
                continue;
            }
            int period = day.day().isBefore(weekStart) ? 1 : 0;
            long all = day.cells().getOrDefault(ScoreResponses.ALL, Tally.EMPTY).responses();
            if (period == 0) {
                answersThisWeek += all;
            } else {
                answersBefore += all;
            }
            day.cells().forEach((cell, tally) -> {
                String value = ScoreResponses.value(cell);
                if (ScoreResponses.dimension(cell).equals(ScoreCells.PHRASE) && !value.equals(ScoreResponses.OTHER)) {
                    counts.computeIfAbsent(value, v -> new long[2])[period] += tally.responses();
                }
            });
        }
        List<Topic> topics = new ArrayList<>();
        if (answersThisWeek == 0 || answersBefore == 0) {
            return topics;
        }
        for (var entry : counts.entrySet()) {
            long now = entry.getValue()[0];
            long before = entry.getValue()[1];
            double z = z(now, answersThisWeek, before, answersBefore);
            if (now >= MIN_ANSWERS && z >= Z_ONE_SIDED_2_5_PERCENT) {
                String value = entry.getKey();
                int colon = value.indexOf(':');
                topics.add(new Topic(value.substring(colon + 1), value.substring(0, Math.max(colon, 0)), now,
                        percent(now, answersThisWeek), before, percent(before, answersBefore), round(z)));
            }
        }
        topics.sort(Comparator.comparingDouble(Topic::z).reversed().thenComparing(Topic::answers,
                Comparator.reverseOrder()).thenComparing(Topic::phrase));
        return topics;
    }

    /**
     * The topics the survey's own themes do not cover yet: a theme term (normalized as comments are) that occurs
     * in a phrase, word for word, will tag the comments that phrase comes from. The default taxonomy covered
     * them already when they were counted.
     */
    public static List<Topic> notCoveredBy(List<Theme> surveyThemes, List<Topic> topics) {
        List<String> terms = new ArrayList<>();
        for (Theme theme : surveyThemes) {
            theme.terms().forEach((language, list) -> list.forEach(term ->
                    terms.add(" " + TextNormalization.normalize(term, language) + " ")));
        }
        return topics.stream().filter(topic -> {
            String words = " " + TextNormalization.normalize(topic.phrase(), topic.language()) + " ";
            return terms.stream().noneMatch(term -> !term.isBlank() && words.contains(term));
        }).toList();
    }

    static double z(long now, long answersNow, long before, long answersBefore) {
        double shareNow = (double) now / answersNow;
        double shareBefore = (double) before / answersBefore;
        double pooled = (double) (now + before) / (answersNow + answersBefore);
        double variance = pooled * (1 - pooled) * (1.0 / answersNow + 1.0 / answersBefore);
        return variance == 0 ? 0 : (shareNow - shareBefore) / Math.sqrt(variance);
    }

    private static double percent(long part, long whole) {
        return round(100.0 * part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
