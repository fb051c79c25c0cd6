package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static TextAnalysis analyze(String text) {
        return ANALYZER.analyze(text, null, null, null);
    }

    // --- sentiment, negation, intensifiers

    @Test
    void analyze_shouldFlipPolarity_whenEnglishNegationPrecedes() {
        // GIVEN a positive word, negated by "not" and by "n't"
        // WHEN analyzed
        // THEN the negated ones are negative, with the negator as evidence
        assertThat(analyze("The agent was helpful").sentiment()).isEqualTo(Sentiment.POSITIVE);
        TextAnalysis negated = analyze("The agent was not helpful");
        assertThat(negated.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(negated.matches()).contains(new Match("negation", "not", "negates helpful"));
        assertThat(analyze("I don't like the new app").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyze("No problems at all, everything arrived").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void analyze_shouldScaleScore_whenIntensifierIsUsed() {
        // GIVEN the same word with and without "very"
        double plain = analyze("delivery was slow").sentimentScore();
        double intensified = analyze("delivery was very slow").sentimentScore();

        // WHEN compared
        // THEN the intensified one is more negative, with the intensifier as evidence
        assertThat(intensified).isLessThan(plain);
        assertThat(analyze("delivery was very slow").matches()).contains(new Match("intensifier", "very", "x1.50 slow"));
    }

    @Test
    void analyze_shouldNegate_whenPersianNegatorFollowsOrPrefixesTheWord() {
        // GIVEN Persian with a post-negator («خوب نبود»), the ن- prefix and a plain positive
        // WHEN analyzed
        // THEN negation flips the sentiment
        assertThat(analyze("کیفیت خوب بود").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(analyze("کیفیت اصلا خوب نبود").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyze("از پشتیبانی راضی نیستم").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyze("هیچ مشکلی نداشتم، ممنون").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void analyze_shouldScale_whenPersianIntensifierIsUsed() {
        // GIVEN «خیلی» before a word
        double plain = analyze("ارسال کند بود").sentimentScore();
        double intensified = analyze("ارسال خیلی کند بود").sentimentScore();

        // WHEN compared
        // THEN it is more negative
        assertThat(intensified).isLessThan(plain);
    }

    @Test
    void analyze_shouldNegateAndIntensify_whenArabicNegatorOrPostposedIntensifierIsUsed() {
        // GIVEN Arabic with «غير», «لم» and «جداً» after the word
        // WHEN analyzed
        // THEN negation flips and جدا scales
        assertThat(analyze("أنا غير راضي عن الخدمة").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyze("المنتج لم يعجبني").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(analyze("التوصيل سريع جداً").sentimentScore()).isGreaterThan(analyze("التوصيل سريع").sentimentScore());
        assertThat(analyze("التوصيل سريع جداً").matches()).contains(new Match("intensifier", "جدا", "x1.50 سريع"));
    }

    @Test
    void analyze_shouldWeighTheClauseAfterBut_whenSentimentIsMixed() {
        // GIVEN praise then a complaint after "but"
        // WHEN analyzed
        // THEN the part after "but" wins
        assertThat(analyze("The food was good but the delivery was terribly late").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void analyze_shouldKeepScoreInRange_whenManyStrongWordsAreUsed() {
        // GIVEN a comment full of strong words
        TextAnalysis a = analyze("amazing amazing amazing excellent perfect wonderful best ever, extremely happy");

        // WHEN analyzed
        // THEN the score stays within [-1, 1]
        assertThat(a.sentimentScore()).isBetween(-1.0, 1.0).isGreaterThan(0.9);
    }

    // --- NPS prior

    @Test
    void analyze_shouldLetNpsDecide_whenTextHasNoSentimentWords() {
        // GIVEN a factual comment
        String text = "Delivery took 9 days";

        // WHEN analyzed with a detractor, a passive and a promoter score
        // THEN the NPS category decides, and says so in the matches
        TextAnalysis detractor = ANALYZER.analyze(text, "en", 2, null);
        assertThat(detractor.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(detractor.matches()).contains(new Match("sentiment", "nps=2", "prior decides negative"));
        assertThat(ANALYZER.analyze(text, "en", 8, null).sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(ANALYZER.analyze(text, "en", 10, null).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(ANALYZER.analyze(text, "en", null, null).sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void analyze_shouldOnlyPullSlightly_whenTextHasSentimentWords() {
        // GIVEN clearly positive text with a detractor score
        TextAnalysis a = ANALYZER.analyze("Excellent service, the agent was really helpful", "en", 0, null);

        // WHEN analyzed
        // THEN the text still decides, the score is pulled by at most 0.2
        TextAnalysis withoutPrior = ANALYZER.analyze("Excellent service, the agent was really helpful", "en", null, null);
        assertThat(a.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(withoutPrior.sentimentScore() - a.sentimentScore()).isBetween(0.0, 0.2001);
        assertThat(a.matches()).contains(new Match("sentiment", "nps=0", "prior -0.20"));
    }

    @Test
    void analyze_shouldUseFallbackAndPrior_whenTextIsBlank() {
        // GIVEN no text
        // WHEN analyzed with a fallback language and a score
        TextAnalysis a = ANALYZER.analyze("   ", "fa", 3, null);

        // THEN language is the fallback, sentiment the prior, nothing else
        assertThat(a.language()).isEqualTo("fa");
        assertThat(a.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(a.themes()).isEmpty();
        assertThat(a.feedbackType()).isNull();
        assertThat(a.keyPhrases()).isEmpty();
        assertThat(ANALYZER.analyze(null, null, null, null))
                .returns("und", TextAnalysis::language)
                .returns(Sentiment.NEUTRAL, TextAnalysis::sentiment);
    }

    // --- themes

    @Test
    void analyze_shouldFindEnglishThemes_whenInflectedTermsAreUsed() {
        // GIVEN inflected delivery, price and billing words
        TextAnalysis a = analyze("The courier delivered it late, prices are too high and I was charged twice");

        // WHEN analyzed
        // THEN all three themes are found, with evidence
        assertThat(a.themes()).containsExactly("delivery", "price", "billing");
        assertThat(a.matches()).contains(new Match("theme", "charged twice", "billing"));
    }

    @Test
    void analyze_shouldFindPersianThemes_whenPluralAndPronounSuffixesAreUsed() {
        // GIVEN «قیمت‌ها», «پشتیبانیتون» and «اپلیکیشن»
        TextAnalysis a = analyze("قیمت‌ها خیلی گران شده و پشتیبانیتون هم جواب نمیده، اپلیکیشن هم کنده");

        // WHEN analyzed
        // THEN price, support and usability are found
        assertThat(a.themes()).containsExactly("price", "support", "usability");
    }

    @Test
    void analyze_shouldFindArabicThemes_whenArticleAndCliticsAreUsed() {
        // GIVEN «بالتوصيل», «الفاتورة», «وخدمة العملاء»
        TextAnalysis a = analyze("تأخرت الشحنة والفاتورة فيها خطأ وخدمة العملاء ما ردت");

        // WHEN analyzed
        // THEN delivery, support and billing are found
        assertThat(a.themes()).containsExactly("delivery", "support", "billing");
    }

    @Test
    void analyze_shouldUseSurveyThemes_whenTaxonomyIsOverridden() {
        // GIVEN the defaults with delivery replaced and a new theme added
        ThemeTaxonomy taxonomy = ThemeTaxonomy.defaults().with(List.of(
                new Theme("delivery", Map.of("en", List.of("drone"))),
                new Theme("store", Map.of("en", List.of("parking", "checkout line"), "fa", List.of("پارکینگ")))));

        // WHEN analyzed with it
        TextAnalysis a = ANALYZER.analyze("The drone was late and the parking is tiny", "en", null, taxonomy);

        // THEN the replaced theme uses its new terms only, the new theme is found, order follows the taxonomy
        assertThat(taxonomy.themes()).extracting(Theme::id)
                .containsExactly("delivery", "price", "support", "product_quality", "usability", "billing", "store");
        assertThat(a.themes()).containsExactly("delivery", "store");
        assertThat(ANALYZER.analyze("late again", "en", null, taxonomy).themes()).isEmpty();
        assertThat(ANALYZER.analyze("پارکینگ‌ها پر بود", "fa", null, taxonomy).themes()).containsExactly("store");
    }

    @Test
    void defaults_shouldCoverAllThemesInEveryLanguage_whenLoaded() {
        // GIVEN the default taxonomy
        ThemeTaxonomy defaults = ThemeTaxonomy.defaults();

        // WHEN inspected
        // THEN the six themes have terms in en, fa and ar
        assertThat(defaults.themes()).extracting(Theme::id)
                .containsExactly("delivery", "price", "support", "product_quality", "usability", "billing");
        assertThat(defaults.themes()).allSatisfy(t -> assertThat(t.terms()).containsKeys("en", "fa", "ar"));
    }

    // --- feedback type

    @Test
    void analyze_shouldClassifyFeedbackType_whenCuesArePresent() {
        // GIVEN comments with bug, suggestion, question cues and plain sentiment
        // WHEN analyzed
        // THEN precedence is bug > suggestion > question > complaint/praise
        assertThat(analyze("The app crashes every time I open my cart").feedbackType()).isEqualTo(FeedbackType.BUG);
        assertThat(analyze("It would be nice to have a dark mode").feedbackType()).isEqualTo(FeedbackType.SUGGESTION);
        assertThat(analyze("How do I change my delivery address").feedbackType()).isEqualTo(FeedbackType.QUESTION);
        assertThat(analyze("Can I pay by invoice?").feedbackType()).isEqualTo(FeedbackType.QUESTION);
        assertThat(analyze("Terrible service, very rude staff").feedbackType()).isEqualTo(FeedbackType.COMPLAINT);
        assertThat(analyze("Great quality, love it").feedbackType()).isEqualTo(FeedbackType.PRAISE);
        assertThat(analyze("Why does the app crash?").feedbackType()).isEqualTo(FeedbackType.BUG);
    }

    @Test
    void analyze_shouldClassifyPersianAndArabicTypes_whenTheirCuesArePresent() {
        // GIVEN Persian and Arabic cues
        // WHEN analyzed
        // THEN each gets its type
        assertThat(analyze("اپلیکیشن بعد از آپدیت کار نمی‌کند").feedbackType()).isEqualTo(FeedbackType.BUG);
        assertThat(analyze("کاش امکان پرداخت اقساطی هم داشتید").feedbackType()).isEqualTo(FeedbackType.SUGGESTION);
        assertThat(analyze("چرا سفارش من هنوز ارسال نشده").feedbackType()).isEqualTo(FeedbackType.QUESTION);
        assertThat(analyze("التطبيق لا يعمل بعد التحديث").feedbackType()).isEqualTo(FeedbackType.BUG);
        assertThat(analyze("أقترح إضافة الدفع عند الاستلام").feedbackType()).isEqualTo(FeedbackType.SUGGESTION);
        assertThat(analyze("هل يمكن تغيير عنوان التوصيل").feedbackType()).isEqualTo(FeedbackType.QUESTION);
    }

    // --- key phrases and evidence

    // --- themes in other industries (food delivery, airlines, hotels, carriers, courses, insurance, ride-hailing,
    //     gyms, banking)

    @Test
    void analyze_shouldFindDeliveryAndQuality_whenEnglishFoodOrFlightCommentsAreGiven() {
        // GIVEN a food-delivery and an airline comment
        TextAnalysis food = analyze("My food arrived cold and the rider was 40 minutes late.");
        TextAnalysis flight = analyze("The flight was delayed by three hours and they lost my luggage.");

        // WHEN analyzed
        // THEN late riders, cold food, delays and lost luggage are delivery; the cold food is product quality too
        assertThat(food.themes()).containsExactly("delivery", "product_quality");
        assertThat(food.matches()).contains(new Match("theme", "rider", "delivery"));
        assertThat(flight.themes()).containsExactly("delivery");
    }

    @Test
    void analyze_shouldFindQualityAndSupport_whenEnglishHotelCarrierAndCourseCommentsAreGiven() {
        // GIVEN hotel, mobile-carrier and online-course comments
        // WHEN analyzed
        // THEN the room, signal and course content are product quality; the front desk and cabin crew are support
        assertThat(analyze("Our room was dirty, but the front desk staff were lovely.").themes())
                .containsExactly("support", "product_quality");
        assertThat(analyze("No signal at all in my area and mobile data is painfully slow.").themes())
                .containsExactly("product_quality");
        assertThat(analyze("The course content is excellent and the instructor explains everything clearly.").themes())
                .containsExactly("product_quality");
        assertThat(analyze("The seats were cramped, the cabin crew was friendly though.").themes())
                .containsExactly("support", "product_quality");
    }

    @Test
    void analyze_shouldFindPriceUsabilityAndBilling_whenEnglishRideInsuranceAndBankingCommentsAreGiven() {
        // GIVEN ride-hailing, insurance, airline check-in and banking comments
        // WHEN analyzed
        // THEN fares and premiums are price, pickup waits delivery, check-in and OTP flows usability, claims billing
        assertThat(analyze("The driver took forever to reach the pickup point and the fare was ridiculous.").themes())
                .containsExactly("delivery", "price");
        assertThat(analyze("Premiums went up again this year with no explanation.").themes()).containsExactly("price");
        assertThat(analyze("Online check-in kept failing and the OTP code never came.").themes())
                .containsExactly("usability");
        assertThat(analyze("My claim was paid out within a week.").themes()).containsExactly("billing");
    }

    @Test
    void analyze_shouldNotTagFare_whenEnglishFarOrOfCourseIsWritten() {
        // GIVEN "far" (which "fare" stems to) and "of course" (which "course" is part of)
        // WHEN analyzed
        // THEN no theme is tagged
        assertThat(analyze("Of course I would recommend it, so far so good.").themes()).isEmpty();
    }

    @Test
    void analyze_shouldFindIndustryThemes_whenPersianCommentsAreGiven() {
        // GIVEN Persian food-delivery, hotel, course, ride-hailing and banking comments
        // WHEN analyzed
        // THEN each industry's words map onto the six themes
        assertThat(analyze("غذا سرد رسید و پیک یک ساعت دیر آورد.").themes())
                .containsExactly("delivery", "product_quality");
        assertThat(analyze("پرواز سه ساعت تاخیر داشت و چمدانم گم شد.").themes()).containsExactly("delivery");
        assertThat(analyze("اتاق کثیف بود ولی پذیرش هتل خیلی مودب بودن.").themes())
                .containsExactly("support", "product_quality");
        assertThat(analyze("آنتن‌دهی توی خونه ضعیفه و سرعت اینترنت پایینه.").themes())
                .containsExactly("product_quality");
        assertThat(analyze("کرایه خیلی گرون بود و راننده دیر اومد.").themes()).containsExactly("delivery", "price");
        assertThat(analyze("حق بیمه امسال دوباره بالا رفت.").themes()).containsExactly("price");
        assertThat(analyze("رمز یکبار مصرف رو وارد می‌کنم ولی لاگین نمیشه.").themes()).containsExactly("usability");
        assertThat(analyze("جریمه دیرکرد قبض موبایلم اشتباه حساب شده.").themes()).containsExactly("billing");
    }

    @Test
    void analyze_shouldFindIndustryThemes_whenArabicCommentsAreGiven() {
        // GIVEN Arabic airline, hotel, carrier, course, ride-hailing, insurance and top-up comments
        // WHEN analyzed
        // THEN each industry's words map onto the six themes, and a balance top-up (شحن الرصيد) is not shipping
        assertThat(analyze("تأخرت الرحلة ثلاث ساعات وضاعت الأمتعة.").themes()).containsExactly("delivery");
        assertThat(analyze("الأكل وصل بارد").themes()).containsExactly("delivery", "product_quality");
        assertThat(analyze("الغرفة كانت وسخة لكن موظف الاستقبال كان محترم.").themes())
                .containsExactly("support", "product_quality");
        assertThat(analyze("التغطية ضعيفة جداً والنت بطيء.").themes()).containsExactly("product_quality");
        assertThat(analyze("محتوى الكورس ممتاز والمدرب يشرح بطريقة واضحة.").themes())
                .containsExactly("product_quality");
        assertThat(analyze("الأجرة غالية والكابتن تأخر.").themes()).containsExactly("delivery", "price");
        assertThat(analyze("قسط التأمين ارتفع هذه السنة.").themes()).containsExactly("price");
        assertThat(analyze("رمز التحقق لا يعمل في شاشة تسجيل الدخول.").themes()).containsExactly("usability");
        assertThat(analyze("شحن الرصيد ما نجح وانخصم المبلغ مرتين.").themes()).containsExactly("billing");
    }

    @Test
    void analyze_shouldReturnKeyPhrasesInTextOrder_whenThemesAndContentWordsArePresent() {
        // GIVEN a comment with theme terms and other content words
        TextAnalysis a = analyze("The delivery was late and the packaging was damaged, refund please");

        // WHEN analyzed
        // THEN at most five phrases, theme terms included, stop words not, in text order
        assertThat(a.keyPhrases()).hasSizeLessThanOrEqualTo(5).contains("delivery", "late", "packaging", "refund");
        assertThat(a.keyPhrases()).doesNotContain("the", "was", "and");
        assertThat(a.keyPhrases().indexOf("delivery")).isLessThan(a.keyPhrases().indexOf("refund"));
    }

    @Test
    void analyze_shouldExplainEveryDecision_whenAnalyzing() {
        // GIVEN a complaint
        TextAnalysis a = ANALYZER.analyze("Support never answered and the price is too high", "en", 3, null);

        // WHEN analyzed
        // THEN language, sentiment, theme and type evidence are all in the matches
        assertThat(a.matches()).extracting(Match::kind)
                .contains("language", "sentiment", "theme", "type");
        assertThat(a.matches().getFirst().kind()).isEqualTo("language");
        assertThat(a.matches()).contains(new Match("theme", "price", "price"), new Match("theme", "support", "support"));
        assertThat(a.feedbackType()).isEqualTo(FeedbackType.COMPLAINT);
    }

    @Test
    void wireNames_shouldBeLowerCase_whenEnumsAreSerialized() {
        // GIVEN the enums
        // WHEN turned into wire names and back
        // THEN they are lower case and round-trip
        assertThat(Sentiment.NEGATIVE.wireName()).isEqualTo("negative");
        assertThat(FeedbackType.fromWire("suggestion")).isEqualTo(FeedbackType.SUGGESTION);
    }
}
