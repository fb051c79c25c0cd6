package io.halqe.aws.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormEncodingTest {

    @Test
    void pairs_shouldDecodeInOrderKeepingRepeats_whenFormHasUnicodeAndEmptyValues() {
        assertThat(FormEncoding.pairs("nps=%DB%B3&c=a+b&c=x&flag&&empty="))
                .containsExactly(Map.entry("nps", "۳"), Map.entry("c", "a b"), Map.entry("c", "x"),
                        Map.entry("flag", ""), Map.entry("empty", ""));
        assertThat(FormEncoding.pairs(null)).isEmpty();
    }
}
