package io.halqe.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeamTextsTest {

    @Test
    void of_shouldReadEachLanguagesWords_andFallBackToEnglish_whenTheLanguageIsUnknown() {
        // GIVEN the three languages' words WHEN a team's texts are taken THEN each reads its own; an unknown one English
        assertThat(TeamTexts.of("fa").get("week")).isEqualTo("هفته");
        assertThat(TeamTexts.of("ar").get("week")).isEqualTo("الأسبوع");
        assertThat(TeamTexts.of("en").format("range", "a", "b")).isEqualTo("a to b");
        assertThat(TeamTexts.of("tlh").get("week")).isEqualTo("week");
        assertThat(TeamTexts.of(null).rightToLeft()).isFalse();
    }

    @Test
    void figure_shouldWriteDigitsAndTheDecimalSeparatorAsTheLanguageDoes() {
        // GIVEN figures WHEN written for fa, ar and en THEN the language's digits, and ٫ before a Persian or Arabic
        // fraction
        assertThat(TeamTexts.of("fa").figure(32.14)).isEqualTo("۳۲٫۱");
        assertThat(TeamTexts.of("ar").figure(-100.0)).isEqualTo("-١٠٠");
        assertThat(TeamTexts.of("en").figure(32.14)).isEqualTo("32.1");
        assertThat(TeamTexts.of("fa").decimal("1200.00")).isEqualTo("۱۲۰۰٫۰۰");
        assertThat(TeamTexts.of("ar").htmlAttributes()).isEqualTo(" lang=\"ar\" dir=\"rtl\"");
        assertThat(TeamTexts.of("en").htmlAttributes()).isEmpty();
    }
}
