package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhraseExtractorTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();
    private static final ThemeTagger TAGGER = new ThemeTagger();
    private static final KeyPhraseExtractor EXTRACTOR = new KeyPhraseExtractor();

    private static List<String> extract(String text) {
        NormalizedComment comment = NORMALIZER.normalize(text, null);
        return EXTRACTOR.extract(comment, TAGGER.tag(comment, null));
    }

    @Test
    void extract_shouldKeepThemeAndSentimentTerms_whenContentWordsComeFirstAndOutnumberThem() {
        // GIVEN seven content words, then a theme term ("delivery") and a sentiment term ("slow")
        // WHEN key phrases are extracted
        List<String> phrases = extract("purple banana cherry mango orange lemon grape, the delivery was slow");

        // THEN the terms are kept and three bigrams fill the five places, all in text order
        assertThat(phrases).containsExactly("purple banana", "cherry mango", "orange lemon", "delivery", "slow");
    }

    @Test
    void extract_shouldPassOverStopWordsNumbersAndOtherLexiconTerms_whenChoosingContentWords() {
        // GIVEN stop words (the, did, for, days, to, my), a negator (not), a number and a word starting with a digit
        // WHEN key phrases are extracted
        List<String> phrases = extract("The agent did not reply for 3 days to my 2nd query");

        // THEN only the content words are left, none of them next to another
        assertThat(phrases).containsExactly("agent", "reply", "query");
    }

    @Test
    void extract_shouldPairAdjacentContentWords_whenTheyShareAClause() {
        // GIVEN two content words next to each other, and apart by a comma (words no lexicon names: a theme term,
        // such as "pizza" a product's, is not a phrase of its own)
        // WHEN key phrases are extracted
        // THEN they are one phrase only within one clause
        assertThat(extract("walnut smoothie")).containsExactly("walnut smoothie");
        assertThat(extract("walnut, smoothie")).containsExactly("walnut", "smoothie");
    }

    @Test
    void extract_shouldListAPhraseOnce_whenItIsRepeated() {
        // GIVEN the same word in three sentences
        // WHEN key phrases are extracted
        // THEN it is listed once
        assertThat(extract("Pizza. Pizza! Pizza")).containsExactly("pizza");
    }

    @Test
    void extract_shouldReturnNothing_whenTheCommentHasNoContentWords() {
        // GIVEN only stop words and a negator
        // WHEN key phrases are extracted
        // THEN there are none
        assertThat(extract("it was not that")).isEmpty();
    }
}
