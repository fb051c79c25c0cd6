package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeTaggerTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();
    private static final ThemeTagger TAGGER = new ThemeTagger();

    /** "checkout line" (queue) contains "checkout" (payment); "fee" names both payment and price. */
    private static final ThemeTaxonomy SHOP = new ThemeTaxonomy(List.of(
            new Theme("queue", Map.of("en", List.of("checkout line"))),
            new Theme("payment", Map.of("en", List.of("checkout", "fee"))),
            new Theme("price", Map.of("en", List.of("fee", "expensive")))));

    private static TaggedThemes tag(String text, ThemeTaxonomy taxonomy) {
        return TAGGER.tag(NORMALIZER.normalize(text, null), taxonomy);
    }

    @Test
    void tag_shouldListEachThemeOnceInTheTaxonomysOrder_whenTermsNameThemInAnotherOrder() {
        // GIVEN a billing term before three delivery terms, and no taxonomy (the defaults)
        // WHEN tagged
        TaggedThemes tagged = tag("I was charged twice, the courier was late and the delivery a mess", null);

        // THEN delivery (first in the defaults) comes before billing, once, while every term is evidence
        assertThat(tagged.ids()).containsExactly("delivery", "billing");
        assertThat(tagged.evidence()).filteredOn(m -> m.detail().equals("delivery")).extracting(Match::term)
                .containsExactly("courier", "late", "delivery");
        assertThat(tagged.terms()).extracting(FoundTerm::text)
                .containsExactly("charged twice", "courier", "late", "delivery");
    }

    @Test
    void tag_shouldMatchTheLongerPhraseWithinAClause_whenThemeTermsOverlap() {
        // GIVEN "checkout line" and "checkout" of two themes, once together and once split by a comma
        // WHEN tagged
        TaggedThemes together = tag("The checkout line was long", SHOP);
        TaggedThemes split = tag("At the checkout, line after line", SHOP);

        // THEN the longer phrase wins, but never across a clause
        assertThat(together.ids()).containsExactly("queue");
        assertThat(together.terms()).singleElement().returns(1, FoundTerm::start).returns(3, FoundTerm::end);
        assertThat(split.ids()).containsExactly("payment");
    }

    @Test
    void tag_shouldNameEveryTheme_whenThemesShareATerm() {
        // GIVEN "fee", a term of payment and of price
        // WHEN tagged
        TaggedThemes tagged = tag("The fee is too high", SHOP);

        // THEN the comment has both themes, one piece of evidence each
        assertThat(tagged.ids()).containsExactly("payment", "price");
        assertThat(tagged.evidence()).containsExactly(new Match("theme", "fee", "payment"),
                new Match("theme", "fee", "price"));
    }

    @Test
    void tag_shouldMatchEnglishTermsToo_whenAPersianCommentMixesThemIn() {
        // GIVEN a Persian comment with an English word of a theme, and an English comment with a Persian term
        // WHEN tagged with the defaults
        TaggedThemes persian = tag("کیفیت خوب بود ولی delivery خیلی طول کشید", null);
        TaggedThemes english = tag("The ارسال was fine, thanks for the app", null);

        // THEN the Persian one finds it, the English one reads English terms only
        assertThat(persian.evidence()).contains(new Match("theme", "delivery", "delivery"));
        assertThat(english.ids()).doesNotContain("delivery");
    }

    @Test
    void tag_shouldFindNothing_whenTheTaxonomyHasNoTermsForTheComment() {
        // GIVEN a comment about the app and a taxonomy about shops
        // WHEN tagged
        TaggedThemes tagged = tag("The app crashes", SHOP);

        // THEN nothing is found
        assertThat(tagged.ids()).isEmpty();
        assertThat(tagged.terms()).isEmpty();
        assertThat(tagged.evidence()).isEmpty();
    }

    @Test
    void tag_shouldAddOnlyThemesOfTheTaxonomy_whenAContextRuleMovesATermToAnotherTheme() {
        // GIVEN a survey taxonomy with billing but no product_quality, and a phone's charge
        ThemeTaxonomy billingOnly = new ThemeTaxonomy(List.of(
                new Theme("billing", Map.of("en", List.of("charge", "invoice")))));

        // WHEN tagged with it and with the defaults
        TaggedThemes survey = tag("My phone battery won't hold a charge", billingOnly);
        TaggedThemes defaults = tag("My phone battery won't hold a charge", null);

        // THEN billing is taken away in both, and product_quality is only added where the taxonomy has it
        assertThat(survey.ids()).isEmpty();
        assertThat(survey.evidence()).contains(new Match("theme-context", "charge", "not billing near battery"));
        assertThat(defaults.ids()).containsExactly("product_quality");
    }
}
