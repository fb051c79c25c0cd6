package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizationTest {

    @Test
    void normalize_shouldMakeOneWord_whenPersianPrefixIsJoinedByZwnjSpaceOrNothing() {
        // GIVEN «می‌خواهم» written with a ZWNJ, a space and nothing
        // WHEN normalized as Persian
        // THEN all three are the same word
        assertThat(TextNormalization.normalize("می\u200Cخواهم", "fa")).isEqualTo("میخواهم");
        assertThat(TextNormalization.normalize("می خواهم", "fa")).isEqualTo("میخواهم");
        assertThat(TextNormalization.normalize("میخواهم", "fa")).isEqualTo("میخواهم");
    }

    @Test
    void normalize_shouldJoinPersianPluralSuffix_whenWrittenDetached() {
        // GIVEN a plural written with a ZWNJ and with a space
        // WHEN normalized
        // THEN the suffix stays on its word
        assertThat(TextNormalization.normalize("قیمت‌ها", "fa")).isEqualTo("قیمتها");
        assertThat(TextNormalization.normalize("قیمت ها گران است", "fa")).isEqualTo("قیمتها گران است");
    }

    @Test
    void normalize_shouldRemoveTatweelAndDiacritics_whenArabicTextHasThem() {
        // GIVEN Arabic with tatweel, harakat, tanween and a superscript alef
        String text = "جـــيّدٌ جِدًّا هٰذا";

        // WHEN normalized
        String normalized = TextNormalization.normalize(text, "ar");

        // THEN only the letters remain
        assertThat(normalized).isEqualTo("جيد جدا هذا");
    }

    @Test
    void normalize_shouldWriteAsciiDigits_whenPersianOrArabicIndicDigitsAreUsed() {
        // GIVEN Persian and Arabic-Indic digits
        // WHEN normalized
        // THEN they are ASCII
        assertThat(TextNormalization.normalize("۱۲ روز", "fa")).isEqualTo("12 روز");
        assertThat(TextNormalization.normalize("٣٤ يوم", "ar")).isEqualTo("34 يوم");
    }

    @Test
    void normalize_shouldUsePersianLetterForms_whenPersianIsTypedOnAnArabicKeyboard() {
        // GIVEN Persian with the Arabic yeh and kaf
        // WHEN normalized as Persian
        // THEN yeh and kaf are the Persian ones
        assertThat(TextNormalization.normalize("كيفيت خيلي خوب", "fa")).isEqualTo("کیفیت خیلی خوب");
    }

    @Test
    void normalize_shouldUseArabicLetterForms_whenNormalizedAsArabic() {
        // GIVEN Arabic with hamza and madda alefs, alef maksura, teh marbuta and a Persian yeh
        // WHEN normalized as Arabic
        // THEN alefs are bare, ى is ي, ة is ه, ی is ي
        assertThat(TextNormalization.normalize("أنا إلى آخر الجودة علی", "ar")).isEqualTo("انا الي اخر الجوده علي");
    }

    @Test
    void normalize_shouldStripPunctuationAndFoldCase_whenEnglishOrArabicPunctuationIsUsed() {
        // GIVEN English and Arabic punctuation
        // WHEN normalized
        // THEN words are separated by single spaces, English in lower case, apostrophes joined
        assertThat(TextNormalization.normalize("It DOESN'T work!!  Really?", "en")).isEqualTo("it doesnt work really");
        assertThat(TextNormalization.normalize("لماذا؟ التوصيل، متأخر؛ جداً", "ar")).isEqualTo("لماذا التوصيل متاخر جدا");
    }

    @Test
    void normalize_shouldReturnEmpty_whenTextIsNullOrBlank() {
        // GIVEN no text
        // WHEN normalized
        // THEN the result is empty
        assertThat(TextNormalization.normalize(null, "en")).isEmpty();
        assertThat(TextNormalization.normalize("  \n ", "fa")).isEmpty();
    }
}
