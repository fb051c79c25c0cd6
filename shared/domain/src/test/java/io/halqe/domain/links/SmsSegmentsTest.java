package io.halqe.domain.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void count_shouldFitOneMessage_whenAGsmTextHasAtMost160Characters() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void count_shouldCountExtensionCharactersTwice_whenTheTextStaysGsm() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void count_shouldUseUcs2Limits_whenTheTextIsPersian() {
        assertThat(SmsSegments.count("س".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("س".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(100) + "س")).as("one Persian letter makes it all UCS-2").isEqualTo(2);
    }
}
