package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentNormalizerTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();

    @Test
    void normalize_shouldKeepTheFallbackLanguageAndNoWords_whenTextIsBlank() {
        // GIVEN blank text and a fallback language written loosely
        // WHEN normalised
        NormalizedComment comment = NORMALIZER.normalize(" \n ", " FA ");

        // THEN the language is the fallback, the evidence says why, and nothing is left to read
        assertThat(comment.language()).isEqualTo("fa");
        assertThat(comment.languageEvidence()).isEqualTo(new Match("language", "fa", "no text; fallback"));
        assertThat(comment.words().size()).isZero();
        assertThat(comment.terms()).isEmpty();
        assertThat(NORMALIZER.normalize(null, null).language()).isEqualTo("und");
    }

    @Test
    void normalize_shouldGiveTheWordsInTheLanguagesForm_whenPersianAffixesAreDetached() {
        // GIVEN Persian with a detached verb prefix and plural suffix
        // WHEN normalised
        NormalizedComment comment = NORMALIZER.normalize("من می خواهم کتاب ها را", null);

        // THEN the language is Persian and each affix is joined to its word
        assertThat(comment.language()).isEqualTo("fa");
        assertThat(comment.languageEvidence().kind()).isEqualTo("language");
        assertThat(comment.words().joined()).isEqualTo("من میخواهم کتابها را");
    }

    @Test
    void normalize_shouldStartANewClause_whenAContrastWordIsUsed() {
        // GIVEN a comment without punctuation whose halves are joined by "but"
        // WHEN normalised
        Tokens words = NORMALIZER.normalize("the food was good but the delivery was slow", null).words();

        // THEN "but" starts a clause that runs to the end, and the words before it share one
        assertThat(words.word(4)).isEqualTo("but");
        assertThat(words.clause(0)).isEqualTo(words.clause(3));
        assertThat(words.clause(3)).isNotEqualTo(words.clause(4));
        assertThat(words.clause(4)).isEqualTo(words.clause(8));
    }

    @Test
    void normalize_shouldFindTheLongestLexiconTerm_whenTermsOverlap() {
        // GIVEN "keeps crashing" (a bug cue) containing "crashing" (another), and an intensifier before a word
        // WHEN normalised
        NormalizedComment crashing = NORMALIZER.normalize("The app keeps crashing", null);
        NormalizedComment slow = NORMALIZER.normalize("It is very slow", null);

        // THEN the longer phrase is one term, and the intensifier and its word are two, in text order
        assertThat(crashing.terms()).extracting(FoundTerm::text).containsExactly("keeps crashing");
        assertThat(crashing.terms().get(0).payload().cue).isEqualTo(FeedbackType.BUG);
        assertThat(crashing.terms().get(0)).returns(2, FoundTerm::start).returns(4, FoundTerm::end);
        assertThat(slow.terms()).extracting(FoundTerm::text).containsExactly("very", "slow");
        assertThat(slow.terms().get(0).payload().intensifier).isEqualTo(1.5);
        assertThat(slow.terms().get(1).payload().sentiment).isNegative();
    }

    @Test
    void normalize_shouldMarkTheTermNegated_whenOnlyAPersianNegatingPrefixHidesIt() {
        // GIVEN «دوستش دارم» (I like it) written negated, «دوستش ندارم», and a term that merely starts with ن
        // WHEN normalised
        FoundTerm<CoreEntry> negated = NORMALIZER.normalize("این رو دوستش ندارم", null).terms().get(0);
        FoundTerm<CoreEntry> plain = NORMALIZER.normalize("سفارشم نرسید", null).terms().get(0);

        // THEN the negated one is found under its positive entry and marked, the other is not
        assertThat(negated.text()).isEqualTo("دوستش ندارم");
        assertThat(negated.payload().sentiment).isPositive();
        assertThat(negated.negatedByPrefix()).isTrue();
        assertThat(plain.text()).isEqualTo("نرسید");
        assertThat(plain.negatedByPrefix()).isFalse();
    }

    @Test
    void normalize_shouldMatchEnglishLoanwords_whenAnotherLatinLanguageIsUsed() {
        // GIVEN German and French with English loanwords, and Hebrew
        // WHEN normalised
        NormalizedComment latin = NORMALIZER.normalize("Das ist nicht gut, le produit est très mauvais ok super", null);
        NormalizedComment hebrew = NORMALIZER.normalize("זה לא טוב", null);

        // THEN the Latin one is read with the English lexicon, the Hebrew one with none
        assertThat(latin.language()).isEqualTo("und");
        assertThat(latin.lexicon().language).isEqualTo("en");
        assertThat(latin.terms()).extracting(FoundTerm::text).containsExactly("ok", "super");
        assertThat(hebrew.language()).isEqualTo("he");
        assertThat(hebrew.lexicon()).isNull();
        assertThat(hebrew.terms()).isEmpty();
        assertThat(hebrew.words().size()).isEqualTo(3);
    }
}
