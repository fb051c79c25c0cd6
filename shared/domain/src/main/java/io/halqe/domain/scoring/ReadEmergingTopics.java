package io.halqe.domain.scoring;

import io.halqe.domain.analytics.ThemeTaxonomy;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.survey.Survey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A survey's emerging topics as a team reads them: each {@link EmergingTopics.Topic} the survey's themes do not cover
 * yet, with a few of this week's answers that carry it and a theme to file it under. The figures come from the day
 * aggregates; the examples from the week's answers, oldest first, reading at most {@link #EXAMPLE_SCAN} of them (a
 * busy week's examples come from its first days).
 */
public final class ReadEmergingTopics {

    public static final int EXAMPLES = 3;
    public static final int EXAMPLE_SCAN = 500;
    private static final int PAGE = 100;

    public record Example(String responseId, Instant submittedAt, Integer npsScore, String comment) {
    }

    /**
     * @param suggestedTheme the theme most of its examples were tagged with, or a new id named after the phrase
     * @param newTheme       true when {@code suggestedTheme} is not one of the survey's themes yet
     */
    public record Finding(EmergingTopics.Topic topic, List<Example> examples, String suggestedTheme, boolean newTheme) {
    }

    private final AggregateStore aggregates;
    private final ResponseRepository responses;
    private final ZoneId reportingZone;

    public ReadEmergingTopics(AggregateStore aggregates, ResponseRepository responses, ZoneId reportingZone) {
        this.aggregates = aggregates;
        this.responses = responses;
        this.reportingZone = reportingZone;
    }

    /** The week ending on {@code to} (a day in the reporting zone), at most {@code limit} topics. */
    public List<Finding> read(Survey survey, LocalDate to, int limit) {
        List<EmergingTopics.Topic> topics = EmergingTopics.notCoveredBy(survey.themes(),
                EmergingTopics.of(aggregates.days(survey.id(), EmergingTopics.firstDay(to), to), to));
        topics = topics.subList(0, Math.min(limit, topics.size()));
        Map<String, List<Response>> examples = examples(survey.id(), to, topics);
        Set<String> known = new java.util.HashSet<>();
        ThemeTaxonomy.defaults().with(survey.themes()).themes().forEach(theme -> known.add(theme.id()));
        List<Finding> findings = new ArrayList<>();
        for (EmergingTopics.Topic topic : topics) {
            List<Response> found = examples.getOrDefault(topic.cell(), List.of());
            String theme = mostTagged(found).orElse(newThemeId(topic.phrase()));
            findings.add(new Finding(topic, found.stream().map(ReadEmergingTopics::example).toList(), theme,
                    !known.contains(theme)));
        }
        return findings;
    }

    /** Up to {@link #EXAMPLES} answers of the week per topic, from the first {@link #EXAMPLE_SCAN} answers. */
    private Map<String, List<Response>> examples(String surveyId, LocalDate to, List<EmergingTopics.Topic> topics) {
        Map<String, List<Response>> examples = new LinkedHashMap<>();
        topics.forEach(topic -> examples.put(topic.cell(), new ArrayList<>()));
        if (topics.isEmpty()) {
            return examples;
        }
        String after = to.minusDays(EmergingTopics.WEEK_DAYS - 1).atStartOfDay(reportingZone).toInstant().toString();
        Instant before = to.plusDays(1).atStartOfDay(reportingZone).toInstant();
        int read = 0;
        int wanting = topics.size();
        while (read < EXAMPLE_SCAN && wanting > 0) {
            List<ResponseRepository.Keyed> page = responses.submittedBetween(surveyId, after, before, PAGE);
            for (ResponseRepository.Keyed keyed : page) {
                for (String cell : ScoreCells.phraseCells(keyed.response())) {
                    List<Response> list = examples.get(cell);
                    if (list != null && list.size() < EXAMPLES && list.add(keyed.response()) && list.size() == EXAMPLES) {
                        wanting--;
                    }
                }
            }
            read += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).key();
        }
        return examples;
    }

    private static java.util.Optional<String> mostTagged(List<Response> examples) {
        Map<String, Integer> counts = new HashMap<>();
        examples.forEach(response -> response.enrichment().themes().forEach(theme -> counts.merge(theme, 1, Integer::sum)));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey);
    }

    /** A theme id (letters, digits, _) from a Latin phrase; another script's phrase gets a stable {@code topic_} id. */
    static String newThemeId(String phrase) {
        String slug = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (!slug.isEmpty() && Character.isLetter(slug.charAt(0)) && slug.length() <= 64) {
            return slug;
        }
        return "topic_" + Integer.toHexString(phrase.hashCode() & 0xfffffff);
    }

    private static Example example(Response response) {
        return new Example(response.id(), response.submittedAt(), response.enrichment().npsScore(),
                response.enrichment().comment());
    }
}
