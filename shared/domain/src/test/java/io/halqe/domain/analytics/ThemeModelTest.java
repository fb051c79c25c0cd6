package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ThemeModelTest {

    /** The labelled sets the model counts: every development set's tuned rows, and the two sets tuned on whole. */
    static final List<String> DEVELOPMENT_SETS = List.of("themes-dev", "themes-dev2", "themes-dev3", "themes-dev4",
            "themes-dev5");
    static final List<String> TUNED_SETS = List.of("evaluation", "complaints-dev");

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();

    @Test
    void committedModel_shouldEqualACountOfTheDevelopmentComments_whenCountedAgain() throws IOException {
        // GIVEN the development comments the model may learn from (never a kept-out, held-out or blind row)
        List<EvaluationTest.Row> rows = trainingRows();
        // WHEN they are counted again with today's normalisation
        String counted = count(rows);
        String write = System.getProperty("halqe.themeModel.write", "");
        if (!write.isBlank()) {
            Files.writeString(Path.of(write), counted, StandardCharsets.UTF_8);
        }
        // THEN the committed model is exactly that count (regenerate it with -Dhalqe.themeModel.write=<its path>)
        assertThat(resource(ThemeModel.RESOURCE)).as("analytics/theme-model.tsv is stale").isEqualTo(counted);
        // AND it never learnt from a development row kept out of tuning
        for (String set : DEVELOPMENT_SETS) {
            List<String> keptOut = EvaluationTest.read("analytics/" + set + ".tsv").stream()
                    .filter(EvaluationTest::keptOut).map(EvaluationTest.Row::id).toList();
            assertThat(keptOut).isNotEmpty().doesNotContainAnyElementsOf(rows.stream().map(EvaluationTest.Row::id).toList());
        }
    }

    @Test
    void complete_shouldAddTheModelsTheme_whenNoTermNamesOne() {
        // GIVEN a comment no theme term names, whose words the model has only seen in product-quality comments
        NormalizedComment comment = NORMALIZER.normalize("The zorblax wobbled again", "en");
        TaggedThemes none = new TaggedThemes(List.of(), List.of(), List.of());
        // WHEN the model completes the terms' themes
        TaggedThemes completed = model(9).complete(none, comment, ThemeTaxonomy.defaults());
        // THEN it adds product quality, and says why
        assertThat(completed.ids()).containsExactly("product_quality");
        assertThat(completed.evidence()).singleElement().satisfies(match -> {
            assertThat(match.kind()).isEqualTo("theme-model");
            assertThat(match.term()).isIn("zorblax", "wobbl", "zorblax wobbl");
            assertThat(match.detail()).matches("product_quality [01]\\.\\d\\d");
        });
    }

    @Test
    void complete_shouldAddNothing_whenTheSurveysTaxonomyLacksTheTheme() {
        // GIVEN a survey whose taxonomy has only billing
        ThemeTaxonomy billingOnly = new ThemeTaxonomy(List.of(new Theme("billing", Map.of("en", List.of("invoice")))));
        NormalizedComment comment = NORMALIZER.normalize("The zorblax wobbled again", "en");
        // WHEN the model is sure of product quality
        TaggedThemes completed = model(9).complete(new TaggedThemes(List.of(), List.of(), List.of()), comment,
                billingOnly);
        // THEN nothing is added
        assertThat(completed.ids()).isEmpty();
    }

    @Test
    void complete_shouldAddNothing_whenTheModelIsUnsureOrHasNeverSeenTheWords() {
        // GIVEN words seen as often without a theme as with product quality, and words never seen
        TaggedThemes none = new TaggedThemes(List.of(), List.of(), List.of());
        NormalizedComment seen = NORMALIZER.normalize("The zorblax wobbled again", "en");
        NormalizedComment unseen = NORMALIZER.normalize("Quibbly flarn", "en");
        // WHEN the model completes them THEN neither gains a theme
        assertThat(model(1).complete(none, seen, ThemeTaxonomy.defaults()).ids()).isEmpty();
        assertThat(model(9).complete(none, unseen, ThemeTaxonomy.defaults()).ids()).isEmpty();
    }

    @Test
    void complete_shouldNeedMoreCertainty_besideATermsTheme() {
        // GIVEN a comment a term tagged with delivery
        NormalizedComment comment = NORMALIZER.normalize("The zorblax wobbled again", "en");
        TaggedThemes delivery = new TaggedThemes(List.of("delivery"), List.of(),
                List.of(new Match("theme", "parcel", "delivery")));
        // WHEN the model leans to product quality, fairly (6 comments to 4) or surely (9 to 1)
        TaggedThemes fairly = model(6).complete(delivery, comment, ThemeTaxonomy.defaults());
        TaggedThemes surely = model(9).complete(delivery, comment, ThemeTaxonomy.defaults());
        // THEN only the sure one is added, in the taxonomy's order, and the term's theme stays
        assertThat(probabilityOf(model(6), comment)).isBetween(ThemeModel.ALONE, ThemeModel.BESIDE);
        assertThat(fairly.ids()).containsExactly("delivery");
        assertThat(surely.ids()).containsExactly("delivery", "product_quality");
        assertThat(surely.evidence()).extracting(Match::kind).containsExactly("theme", "theme-model");
    }

    @Test
    void analyzer_shouldTagWhatNoTermNames_withTheModelsTheme_inEachLanguage() {
        // GIVEN development comments on a product that no theme term names, in en, fa and ar
        TextAnalyzer analyzer = new TextAnalyzer();
        for (String comment : List.of("Nothing special, the mug does what a mug does.", "کارش رو انجام میده، همین.",
                "يؤدي الغرض.")) {
            // WHEN each is analysed with the default themes
            TextAnalysis analysis = analyzer.analyze(comment, null, null, ThemeTaxonomy.defaults());
            // THEN the model's theme is there, with its evidence
            assertThat(analysis.themes()).as(comment).containsExactly("product_quality");
            assertThat(analysis.matches()).as(comment).filteredOn(match -> match.kind().equals("theme-model"))
                    .singleElement().satisfies(match -> assertThat(match.detail()).startsWith("product_quality"));
        }
    }

    /**
     * A model that has seen "zorblax wobbled" in {@code productQuality} product-quality comments and in 10 minus that
     * many comments without a theme (9 is sure, 6 fairly sure, 1 leans to no theme), beside 20 delivery comments.
     */
    private static ThemeModel model(int productQuality) {
        int none = 10 - productQuality;
        List<String> lines = new ArrayList<>(List.of("classes\t-\tdelivery\tproduct_quality",
                "documents\t" + (none + 20) + "\t20\t" + productQuality));
        for (String feature : List.of("zorblax", "wobbl", "zorblax wobbl")) {
            lines.add(feature + "\t" + none + "\t0\t" + productQuality);
        }
        lines.add("parcel\t1\t20\t0");
        lines.add("late\t20\t20\t0");
        return new ThemeModel(lines);
    }

    private static double probabilityOf(ThemeModel model, NormalizedComment comment) {
        String evidence = model.complete(new TaggedThemes(List.of(), List.of(), List.of()), comment,
                ThemeTaxonomy.defaults()).evidence().getFirst().detail();
        return Double.parseDouble(evidence.substring(evidence.indexOf(' ') + 1));
    }

    static List<EvaluationTest.Row> trainingRows() throws IOException {
        List<EvaluationTest.Row> rows = new ArrayList<>();
        for (String set : DEVELOPMENT_SETS) {
            EvaluationTest.read("analytics/" + set + ".tsv").stream().filter(row -> !EvaluationTest.keptOut(row))
                    .forEach(rows::add);
        }
        for (String set : TUNED_SETS) {
            rows.addAll(EvaluationTest.read("analytics/" + set + ".tsv"));
        }
        return rows;
    }

    /** The model file: classes, comments per class, then each feature's count per class, features sorted. */
    static String count(List<EvaluationTest.Row> rows) {
        List<String> classes = new ArrayList<>(List.of(ThemeModel.NO_THEME));
        ThemeTaxonomy.defaults().themes().forEach(theme -> classes.add(theme.id()));
        long[] documents = new long[classes.size()];
        TreeMap<String, long[]> counts = new TreeMap<>();
        for (EvaluationTest.Row row : rows) {
            Set<String> labels = row.themes().isEmpty() ? Set.of(ThemeModel.NO_THEME) : row.themes();
            Set<String> features = ThemeModel.features(NORMALIZER.normalize(row.text(), null));
            for (String label : labels) {
                int c = classes.indexOf(label);
                assertThat(c).as(row.id() + " labels an unknown theme " + label).isNotNegative();
                documents[c]++;
                features.forEach(feature -> counts.computeIfAbsent(feature, f -> new long[classes.size()])[c]++);
            }
        }
        StringBuilder out = new StringBuilder("# Generated by ThemeModelTest from the labelled development comments:"
                + " do not edit.\nclasses\t" + String.join("\t", classes) + "\ndocuments\t" + join(documents) + "\n");
        counts.forEach((feature, count) -> out.append(feature).append('\t').append(join(count)).append('\n'));
        return out.toString();
    }

    private static String join(long[] values) {
        return String.join("\t", Arrays.stream(values).mapToObj(Long::toString).toList());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ThemeModelTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
