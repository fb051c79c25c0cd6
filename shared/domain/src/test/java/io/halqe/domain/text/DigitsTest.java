package io.halqe.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitsTest {

    @Test
    void inLanguage_shouldWriteDigitsAsTheReaderDoes_andLeaveEverythingElse() {
        // GIVEN a week label and a figure WHEN written for fa, ar, en and an unknown language
        // THEN Persian and Arabic-Indic digits for fa and ar, ASCII otherwise; letters and signs stay
        assertThat(Digits.inLanguage("1405-W37 +50 (n=30)", "fa")).isEqualTo("۱۴۰۵-W۳۷ +۵۰ (n=۳۰)");
        assertThat(Digits.inLanguage("1405-W37 +50 (n=30)", "ar")).isEqualTo("١٤٠٥-W٣٧ +٥٠ (n=٣٠)");
        assertThat(Digits.inLanguage("2026-W48", "en")).isEqualTo("2026-W48");
        assertThat(Digits.inLanguage("2026-W48", null)).isEqualTo("2026-W48");
        // AND reading them back gives the ASCII text
        assertThat(Digits.toAscii(Digits.inLanguage("0123456789", "fa"))).isEqualTo("0123456789");
        assertThat(Digits.toAscii(Digits.inLanguage("0123456789", "ar"))).isEqualTo("0123456789");
    }
}
