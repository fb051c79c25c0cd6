package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();
    private static final SentimentScorer SCORER = new SentimentScorer();

    private static ScoredSentiment score(String text, Integer npsScore) {
        return SCORER.score(NORMALIZER.normalize(text, null), npsScore);
    }

    @Test
    void score_shouldNegateMildly_whenANegatorStandsAtMostTwoWordsBefore() {
        // GIVEN "rude" (−0.9) and "helpful" (+0.7) negated, and "rude" with three words between it and "not"
        // WHEN scored
        ScoredSentiment notRude = score("The agent was not rude", null);
        ScoredSentiment notHelpful = score("The agent was never very helpful", null);
        ScoredSentiment tooFar = score("Not that it was rude", null);

        // THEN a negated negative term counts −0.5 times, a positive one −0.8 times; beyond two words nothing flips
        assertThat(notRude.evidence()).containsExactly(
                new Match("negation", "not", "negates rude"), new Match("sentiment", "rude", "+0.45"));
        assertThat(notRude.label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(notHelpful.evidence()).containsExactly(new Match("intensifier", "very", "x1.50 helpful"),
                new Match("negation", "never", "negates helpful"), new Match("sentiment", "helpful", "-0.84"));
        assertThat(tooFar.evidence()).containsExactly(new Match("sentiment", "rude", "-0.90"));
    }

    @Test
    void score_shouldNegate_whenAPersianNegatingPrefixHidesTheTerm() {
        // GIVEN «دوستش ندارم», «دوستش دارم» (+0.8) under the negating prefix ن-
        // WHEN scored
        ScoredSentiment scored = score("این رو دوستش ندارم", null);

        // THEN it counts −0.8 times, with the prefix as the negator
        assertThat(scored.evidence()).containsExactly(
                new Match("negation", "ن-", "negates دوستش ندارم"), new Match("sentiment", "دوستش ندارم", "-0.64"));
        assertThat(scored.label()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void score_shouldMultiplyByTheFactor_whenAnIntensifierIsNextToTheTerm() {
        // GIVEN "slow" (−0.7) after "very" (×1.5) and after "a bit" (×0.6)
        // WHEN scored
        ScoredSentiment very = score("Delivery was very slow", null);
        ScoredSentiment aBit = score("Delivery was a bit slow", null);

        // THEN its value is multiplied by the factor, which is evidence too
        assertThat(very.evidence()).containsExactly(
                new Match("intensifier", "very", "x1.50 slow"), new Match("sentiment", "slow", "-1.05"));
        assertThat(aBit.evidence()).contains(new Match("sentiment", "slow", "-0.42"));
        assertThat(very.score()).isLessThan(aBit.score());
    }

    @Test
    void score_shouldWeighTheTermAfterTheContrastWordMore_whenASentenceHasOne() {
        // GIVEN "good" (+0.7) before "but" and "slow" (−0.7) after it
        // WHEN scored
        ScoredSentiment scored = score("The food was good but the delivery was slow", null);

        // THEN the term before counts half, the one after 1.5 times, and the comment is negative
        assertThat(scored.evidence()).containsExactly(
                new Match("sentiment", "good", "+0.35"), new Match("sentiment", "slow", "-1.05"));
        assertThat(scored.label()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void score_shouldDiscountTheTerms_whenTheSentenceIsAWishOrAQuestion() {
        // GIVEN "fast" (+0.7) and "slow" (−0.7) in a wish, and "slow" in a question
        // WHEN scored
        ScoredSentiment wishGood = score("I wish the delivery was fast", null);
        ScoredSentiment wishBad = score("I wish the delivery was less slow", null);
        ScoredSentiment question = score("Why is the delivery slow?", null);

        // THEN a positive term in a wish counts nothing, a negative one half, and a question halves every term
        assertThat(wishGood.evidence()).containsExactly(new Match("sentiment", "fast", "+0.00"));
        assertThat(wishGood.label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(wishBad.evidence()).contains(new Match("sentiment", "slow", "-0.35"));
        assertThat(question.evidence()).containsExactly(new Match("sentiment", "slow", "-0.35"));
    }

    @Test
    void score_shouldPullTowardTheNpsSide_whenTheTextHasSentimentTerms() {
        // GIVEN "good" (+0.7, a text score of 0.7/√0.99 ≈ 0.704) with a detractor's 0
        // WHEN scored
        ScoredSentiment scored = score("good", 0);

        // THEN the NPS pulls the score by 0.2 only, and says so after the term
        assertThat(scored.score()).isEqualTo(0.504);
        assertThat(scored.label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(scored.evidence()).containsExactly(
                new Match("sentiment", "good", "+0.70"), new Match("sentiment", "nps=0", "prior -0.20"));
        assertThat(score("good", null).score()).isEqualTo(0.704);
    }

    @Test
    void score_shouldLetTheNpsCategoryDecide_whenTheTextHasNoSentimentTerms() {
        // GIVEN a factual comment with a detractor's, a passive's and a promoter's score
        // WHEN scored
        ScoredSentiment detractor = score("Delivery took 9 days", 6);
        ScoredSentiment passive = score("Delivery took 9 days", 7);
        ScoredSentiment promoter = score("Delivery took 9 days", 9);

        // THEN the category decides the label, 0.3 times the prior the score
        assertThat(detractor).returns(Sentiment.NEGATIVE, ScoredSentiment::label)
                .returns(-0.18, ScoredSentiment::score).returns(true, ScoredSentiment::hasSignal);
        assertThat(detractor.evidence()).containsExactly(new Match("sentiment", "nps=6", "prior decides negative"));
        assertThat(passive).returns(Sentiment.NEUTRAL, ScoredSentiment::label).returns(-0.06, ScoredSentiment::score);
        assertThat(promoter).returns(Sentiment.POSITIVE, ScoredSentiment::label).returns(0.18, ScoredSentiment::score);
    }

    @Test
    void score_shouldBeNeutralWithoutSignal_whenThereAreNeitherTermsNorNps() {
        // GIVEN a factual comment and blank text, without a score
        // WHEN scored
        // THEN both are neutral at 0, with nothing to show for it
        for (String text : new String[] {"Delivery took 9 days", " "}) {
            ScoredSentiment scored = score(text, null);
            assertThat(scored).returns(Sentiment.NEUTRAL, ScoredSentiment::label)
                    .returns(0.0, ScoredSentiment::score).returns(false, ScoredSentiment::hasSignal);
            assertThat(scored.evidence()).isEmpty();
        }
    }
}
