package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading complaints with the same depth in English, Persian and Arabic: problem events without sentiment words,
 * negated problems, lukewarm verdicts, contrast and concession, and theme words that depend on their neighbours.
 */
class ComplaintReadingTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static TextAnalysis analyze(String text) {
        return ANALYZER.analyze(text, null, null, null);
    }

    private static void assertSentiment(Sentiment expected, String... texts) {
        for (String text : texts) {
            assertThat(analyze(text).sentiment()).as(text).isEqualTo(expected);
        }
    }

    private static void assertThemes(String text, String... themes) {
        assertThat(analyze(text).themes()).as(text).containsExactly(themes);
    }

    // --- problem events

    @Test
    void analyze_shouldBeNegativeWithProblemEvidence_whenAnEnglishProblemEventHasNoSentimentWord() {
        // GIVEN failure, breakage, absence and cancellation told without an opinion word
        String[] texts = {"The fabric tore after the first wash.", "I could not log in to my account all weekend.",
                "They cancelled my booking without telling me.", "Customer support never replied to my ticket.",
                "The parcel still hasn't shown up after ten days."};

        // WHEN analyzed THEN each is negative, with a problem event as evidence
        assertSentiment(Sentiment.NEGATIVE, texts);
        assertThat(analyze(texts[1]).matches()).anyMatch(m -> m.kind().equals("problem"));
        assertThat(analyze(texts[1]).feedbackType()).isEqualTo(FeedbackType.COMPLAINT);
    }

    @Test
    void analyze_shouldBeNegative_whenAPersianProblemEventHasNoSentimentWord() {
        // GIVEN «couldn't log in», «never came and nobody told us», «stopped working», «not refunded yet», a
        // declined card with money taken — in Arabic letters (ي/ك) and with ZWNJ or plain spaces
        String[] texts = {"از دیروز نتونستم وارد حسابم بشم.", "تکنسین اصلا نیومد و کسی هم خبر نداد.",
                "مخلوط‌کن بعد از دو هفته از کار افتاد.", "جاروبرقي كه خريدم بعد از دو هفته از كار افتاد.",
                "هنوز پول برگشتی رو واریز نکردن.", "کارتم رد شد ولی پول از حسابم برداشته شد.",
                "برای یک سفارش دوبار از حسابم کم شد."};

        // WHEN analyzed THEN each is negative
        assertSentiment(Sentiment.NEGATIVE, texts);
    }

    @Test
    void analyze_shouldReadPersian_whenItIsTypedWithArabicLettersAndOnlyStopWordsTellTheLanguage() {
        // GIVEN a Persian complaint typed with ك and no Persian-only letters: «از» is what tells it from Arabic
        // WHEN analyzed
        TextAnalysis a = analyze("مخلوط كن بعد از دو هفته از كار افتاد.");

        // THEN it is Persian, and the problem event is read
        assertThat(a.language()).isEqualTo("fa");
        assertThat(a.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        // AND a short complaint told by a Persian-only lexicon word («نتونستم») is Persian too
        assertThat(analyze("نتونستم وارد بشم").language()).isEqualTo("fa");
        assertThat(analyze("نتونستم وارد بشم").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void analyze_shouldBeNegative_whenAnArabicProblemEventHasNoSentimentWord() {
        // GIVEN «deducted twice», «tore after the first wash», «couldn't log in», «nobody answered», «the
        // technician never came», «still waiting for the refund»
        String[] texts = {"انخصم المبلغ مرتين على طلب واحد.", "القماش تمزق بعد أول غسلة.", "ما قدرت أسجل دخول من أمس.",
                "اتصلت عدة مرات وما حد رد.", "الفني ما جا أبداً ولا أحد بلغني.", "للحين أنتظر استرجاع المبلغ من شهر."};

        // WHEN analyzed THEN each is negative
        assertSentiment(Sentiment.NEGATIVE, texts);
    }

    @Test
    void analyze_shouldNotComplain_whenTheProblemIsNegatedOrAnIdiomIsPraise() {
        // GIVEN problems denied ("never had a problem", «هیچ مشکلی نداشتم», «ما كان فيه أي مشكلة») and praise
        // built on a failure marker ("can't complain", «ما قصروا»)
        // WHEN analyzed
        // THEN none is negative; the denials and the idioms are positive
        assertSentiment(Sentiment.POSITIVE,
                "Had these boots for two winters and never had a problem with them.",
                "No issues at all, the parcel came a day early.",
                "Honestly I can't complain.",
                "دو ساله این کفش رو دارم و هیچ مشکلی نداشتم.",
                "الطرد وصل قبل موعده بيوم وما كان فيه أي مشكلة.",
                "عندي الحذاء من سنتين وما في أي مشكلة.",
                "الموظفين ما قصروا.");
        assertSentiment(Sentiment.NEUTRAL, "The seam never tore.", "ما هي مواعيد عمل الفرع يوم الجمعة؟");
    }

    @Test
    void analyze_shouldNotComplain_whenAFailureMarkerIntroducesKnowingWaitingOrPraise() {
        // GIVEN failure markers before knowing, waiting, ease and effort, and ما/لا that are no negation
        // WHEN analyzed
        // THEN each is positive: no problem event is read into them
        assertSentiment(Sentiment.POSITIVE, "Didn't know this shop before, great find.",
                "Couldn't be easier to set up.", "It didn't take long to arrive.", "Never had to call support once.",
                "Can't wait for the next drop!", "کم و کسری نداشت، ممنون", "همکاراتون کوتاهی نکردن",
                "خیلی خوبه", "ما شاء الله ما قصروا والتوصيل سريع", "أفضل ما جربت", "لا تفوتكم العروض");
        assertThemes("کم و کسری نداشت، ممنون");
    }

    // --- lukewarm

    @Test
    void analyze_shouldBeNeutral_whenTheVerdictIsLukewarm() {
        // GIVEN lukewarm verdicts in the three languages, with words that alone read as mild praise
        String[] texts = {"The headphones are okay, fine I guess.", "Average price for this kind of shop.",
                "Not bad, not great, about what I expected.", "The app is fine, nothing to write home about.",
                "کیفیتش معمولی بود.", "قیمتش قابل قبول بود.", "اپلیکیشنش معمولیه، نه خوبه نه بد.",
                "بد نبود، همون چیزی که انتظار داشتم.", "الجودة مقبولة.", "السعر لا بأس به.",
                "الأكل عادي، مو سيء ومو ممتاز.", "التوصيل كان مثل ما توقعت."};

        // WHEN analyzed THEN each is neutral, with the lukewarm marker as evidence
        assertSentiment(Sentiment.NEUTRAL, texts);
        assertThat(analyze(texts[4]).matches()).contains(new Match("lukewarm", "معمولی", "towards neutral"));
    }

    @Test
    void analyze_shouldStillComplain_whenALukewarmClauseIsFollowedByAContrastedProblem() {
        // GIVEN a lukewarm opening, then "but" and a problem event
        // WHEN analyzed
        // THEN the problem after the contrast decides
        assertSentiment(Sentiment.NEGATIVE, "It's okay, but it stopped working after a week.",
                "معمولیه ولی بعد از یه هفته از کار افتاد.", "عادي بس توقف عن العمل بعد أسبوع.");
    }

    // --- contrast and concession

    @Test
    void analyze_shouldWeighTheClauseAfterTheContrast_whenPraiseAndComplaintMeet() {
        // GIVEN praise before and a complaint after the contrast word, and the reverse, in each language
        // WHEN analyzed
        // THEN the clause after the contrast word decides
        assertSentiment(Sentiment.NEGATIVE, "Friendly staff but my room was never cleaned.",
                "Easy signup, but I was billed twice in March.",
                "ظاهر برنامه قشنگه ولی هر بار سبد خرید رو باز می‌کنم می‌بنده.",
                "ثبت نام راحت بود ولیکن دوبار ازم پول گرفتن.",
                "التسجيل سهل غير أن المبلغ انخصم مرتين.", "الموظفين لطيفين لكن الغرفة ما تنظفت أبداً.",
                "شكل التطبيق حلو لكنّ يقفل كل ما أفتح سلة التسوق.");
        assertSentiment(Sentiment.POSITIVE, "A bit pricey but worth every cent.",
                "یکم گرونه ولی واقعا می‌ارزه.", "غالي شوي بس يستاهل كل ريال.");
    }

    @Test
    void analyze_shouldCountTheConcessiveClauseLess_whenAlthoughIntroducesIt() {
        // GIVEN a complaint conceded with although / با اینکه، هرچند / مع أن, before or after the main clause's praise
        // WHEN analyzed
        // THEN the main clause decides
        assertSentiment(Sentiment.POSITIVE, "Although the delivery was late, the lamp itself is lovely.",
                "The lamp is lovely, although the delivery was a bit late.",
                "با اینکه ارسال دیر بود، خود چراغ خیلی قشنگه.", "چراغ قشنگه، هرچند ارسال خیلی دیر بود.",
                "مع أن التوصيل تأخر، المصباح نفسه جميل جداً.", "المصباح جميل، مع أن التوصيل تأخر كثيرا.");
    }

    // --- themes by context

    @Test
    void analyze_shouldTagProductQualityNotBillingOrDelivery_whenTheChargeIsABatterys() {
        // GIVEN a battery's charge in each language, beside a bill and a shipment that keep their themes
        // WHEN analyzed THEN the battery's charge is product quality only
        assertThemes("The phone battery won't hold a charge for more than four hours.", "product_quality");
        assertThemes("My laptop takes five hours to charge.", "product_quality");
        assertThemes("I was charged twice for one order.", "billing");
        assertThemes("لپ‌تاپ پنج ساعت طول میکشه تا شارژ بشه.", "product_quality");
        assertThemes("شحن الجوال ما يكمل أربع ساعات.", "product_quality");
        assertThemes("تأخر الشحن أسبوع كامل.", "delivery");
    }

    @Test
    void analyze_shouldTagBilling_whenTheChargeIsAFeeOrATopUp() {
        // GIVEN a building's monthly charge, a SIM top-up and a balance top-up
        // WHEN analyzed THEN they are billing, not product quality or delivery
        assertThemes("شارژ ساختمان این ماه دو برابر حساب شده.", "billing");
        assertThemes("شارژ سیم‌کارتم خیلی سریع انجام شد، ممنون.", "billing");
        assertThemes("شحنت رصيد الجوال بثواني، شكراً.", "billing");
    }

    @Test
    void analyze_shouldNotTagDeliveryOrSupport_whenTheWordsBelongToAnotherIndustry() {
        // GIVEN a lecture's delivery, a car's service, a training plan, lumbar support and a feature supported
        // WHEN analyzed THEN the themes follow the context
        assertThemes("The speaker's delivery of the keynote was superb.", "product_quality");
        assertThemes("The garage did a poor service on my car.", "product_quality");
        assertThemes("Love the training plan my coach wrote for me.", "product_quality");
        assertThemes("The chair has great lumbar support.", "product_quality");
        assertThemes("The parcel came late and support never called back.", "delivery", "support");
        assertThemes("The new version supports dark mode, very handy.", "usability");
        assertThemes("The technician never showed up.", "support");
        assertThemes("نسخه جدید برنامه از حالت شب پشتیبانی می‌کنه، عالیه.", "usability");
        assertThemes("پشتیبانی هیچ جوابی به تیکتم نداد.", "support");
        assertThemes("برنامه تمرینی که مربی برام نوشت عالی بود.", "product_quality");
        assertThemes("الكرسي فيه دعم ممتاز للظهر.", "product_quality");
        assertThemes("الدعم الفني ما رد على تذكرتي.", "support");
        assertThemes("باقة الورد كانت جميلة وطازجة.", "product_quality");
        assertThemes("باقة الإنترنت غالية مقارنة بالمنافسين.", "price");
    }

    @Test
    void analyze_shouldShowTheContextDecision_whenARuleTakesAThemeAway() {
        // GIVEN a lecture's delivery
        // WHEN analyzed
        TextAnalysis a = analyze("The lecturer's delivery was engaging.");

        // THEN the evidence says which theme was not taken and why
        assertThat(a.matches()).contains(new Match("theme-context", "delivery", "not delivery near lecturers"));
        assertThat(a.themes()).isEqualTo(List.of("product_quality"));
    }
}
