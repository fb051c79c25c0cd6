package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static String language(String text, String fallback) {
        return ANALYZER.analyze(text, fallback, null, null).language();
    }

    @Test
    void analyze_shouldDetectPersian_whenPersianStopWordsAndLettersAreUsed() {
        // GIVEN a Persian comment
        // WHEN analyzed
        // THEN it is Persian
        assertThat(language("ارسال خیلی دیر بود و پشتیبانی هم جواب نداد", null)).isEqualTo("fa");
    }

    @Test
    void analyze_shouldDetectPersian_whenTypedWithArabicYehAndKaf() {
        // GIVEN Persian typed on an Arabic keyboard (ي ك) without Persian-only letters
        String text = "اين محصول كيفيت خوبي ندارد و قيمت آن هم زياد است";

        // WHEN analyzed with an Arabic fallback
        // THEN the Persian words decide
        assertThat(language(text, "ar")).isEqualTo("fa");
    }

    @Test
    void analyze_shouldDetectArabic_whenArabicStopWordsAreUsed() {
        // GIVEN Arabic comments, one with no teh marbuta
        // WHEN analyzed with a Persian fallback
        // THEN they are Arabic
        assertThat(language("التوصيل كان متأخر جدا وخدمة العملاء لم ترد على اتصالي", "fa")).isEqualTo("ar");
        assertThat(language("هذا التطبيق لا يعمل منذ التحديث", "fa")).isEqualTo("ar");
    }

    @Test
    void analyze_shouldDetectEnglish_whenLatinScript() {
        // GIVEN an English comment and one too short for stop words
        // WHEN analyzed
        // THEN both are English
        assertThat(language("The delivery was late again", null)).isEqualTo("en");
        assertThat(language("Terrible!", null)).isEqualTo("en");
    }

    @Test
    void analyze_shouldReportUndetermined_whenAnotherLatinLanguageIsUsed() {
        // GIVEN a French comment
        // WHEN analyzed without and with a French fallback
        // THEN it is not taken for English
        assertThat(language("La livraison est très lente et je ne suis pas content", null)).isEqualTo("und");
        assertThat(language("La livraison est très lente et je ne suis pas content", "fr")).isEqualTo("fr");
    }

    @Test
    void analyze_shouldUseMajorityScript_whenTextMixesScripts() {
        // GIVEN Persian with an English product name, and English with one Persian word
        // WHEN analyzed
        // THEN the majority script decides
        assertThat(language("اپلیکیشن Halqe خیلی کند است", null)).isEqualTo("fa");
        assertThat(language("The app is great, ممنون", null)).isEqualTo("en");
    }

    @Test
    void analyze_shouldUseScriptOrFallback_whenOtherScriptOrNoLetters() {
        // GIVEN Russian, Japanese, and digits only
        // WHEN analyzed
        // THEN the script or the fallback decides
        assertThat(language("Доставка была быстрой", null)).isEqualTo("und");
        assertThat(language("配達がとても遅かったです", null)).isIn("ja", "zh");
        assertThat(language("۱۰", "fa")).isEqualTo("fa");
        assertThat(language("", null)).isEqualTo("und");
    }
}
