package io.halqe.domain.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseIdsTest {

    @Test
    void id_shouldNameItsSurvey_whenMadeRandomlyOrFromAName() {
        // GIVEN a survey id (lower-case letters, digits and dashes, never a dot)
        // WHEN ids are made for it
        String random = ResponseIds.random("nps-2026");
        String named = ResponseIds.named("nps-2026", "invitation:inv-1");
        // THEN each reads back as the survey's, and a name always gives the same id
        assertThat(ResponseIds.surveyOf(random)).contains("nps-2026");
        assertThat(ResponseIds.surveyOf(named)).contains("nps-2026");
        assertThat(ResponseIds.named("nps-2026", "invitation:inv-1")).isEqualTo(named);
        assertThat(ResponseIds.random("nps-2026")).isNotEqualTo(random);
    }

    @Test
    void name_shouldGiveOtherIds_whenTheSurveyDiffers() {
        // GIVEN one idempotency key used on two surveys
        // WHEN ids are named from it
        // THEN they differ, each naming its own survey
        assertThat(ResponseIds.named("a", "key-1")).isNotEqualTo(ResponseIds.named("b", "key-1"));
        assertThat(ResponseIds.surveyOf(ResponseIds.named("b", "key-1"))).contains("b");
    }

    @Test
    void surveyOf_shouldBeEmpty_whenTheIdIsABareUuid() {
        // GIVEN an id from before ids named their survey
        // WHEN its survey is asked for
        // THEN there is none
        assertThat(ResponseIds.surveyOf("3f2c1b9e-0d7a-4b6e-9a51-000000000001")).isEmpty();
        assertThat(ResponseIds.surveyOf(".leading-dot")).isEmpty();
    }
}
