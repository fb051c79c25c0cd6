package io.halqe.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void normalize_shouldUsePersianLetters_onlyForPersian() {
        assertThat(TextNormalizer.normalize("كيك", "fa")).isEqualTo("کیک");
        assertThat(TextNormalizer.normalize("كيك", "ar")).isEqualTo("كيك");
    }

    @Test
    void normalize_shouldComposeAndDropControlCharacters_butKeepLineBreaksAndZwnj() {
        assertThat(TextNormalizer.normalize("a\u0301\u0000b\r\nc\u200Cd\u2028", null)).isEqualTo("áb\nc\u200Cd");
    }
}
