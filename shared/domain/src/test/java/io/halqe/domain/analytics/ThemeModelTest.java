package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThemeModelTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();

    @Test
    void committedModel_shouldEqualACountOfTheDevelopmentComments_whenCountedAgain() throws IOException {
        // GIVEN the development comments the model may learn from (never a kept-out, held-out, unseen or blind row)
        List<EvaluationTest.Row> rows = WordCountsFiles.trainingRows();
        // WHEN they are counted again with today's normalisation
        String counted = WordCountsFiles.count("Theme model", rows, classes(),
                row -> row.themes().isEmpty() ? Set.of(ThemeModel.NO_THEME) : row.themes());
        // THEN the committed model is exactly that count (rewrite it with -Dhalqe.models.write=true)
        assertThat(WordCountsFiles.committed(ThemeModel.RESOURCE, counted)).as(ThemeModel.RESOURCE + " is stale")
                .isEqualTo(counted);
        // AND it never learnt from a development row kept out of tuning
        assertThat(WordCountsFiles.keptOutIds()).isNotEmpty()
                .doesNotContainAnyElementsOf(rows.stream().map(EvaluationTest.Row::id).toList());
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
        return new ThemeModel(new WordCounts("test", lines));
    }

    private static double probabilityOf(ThemeModel model, NormalizedComment comment) {
        String evidence = model.complete(new TaggedThemes(List.of(), List.of(), List.of()), comment,
                ThemeTaxonomy.defaults()).evidence().getFirst().detail();
        return Double.parseDouble(evidence.substring(evidence.indexOf(' ') + 1));
    }

    private static List<String> classes() {
        List<String> classes = new ArrayList<>(List.of(ThemeModel.NO_THEME));
        ThemeTaxonomy.defaults().themes().forEach(theme -> classes.add(theme.id()));
        return classes;
    }
}
