package io.halqe.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.halqe.domain.config.Env;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one configuration record: read once, only what a function names, every problem told at init together. */
class HalqeConfigTest {

    @Test
    void load_shouldReadTheNamedVariables_withDefaultsForTheOptionalOnes() {
        var config = HalqeConfig.load(new Env(Map.of("HALQE_CASES_TABLE", "cases", "HALQE_SURVEYS_TABLE", "surveys",
                "HALQE_RESPONSE_RETENTION_DAYS", "365")), "HALQE_CASES_TABLE", "HALQE_TIME_ZONE",
                "HALQE_DETRACTOR_CASE_SLA", "HALQE_RESPONSE_RETENTION_DAYS");
        assertThat(config.casesTable()).isEqualTo("cases");
        assertThat(config.surveysTable()).as("not named by this function").isNull();
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.detractorCaseSla()).isEqualTo(Duration.ofHours(48));
        assertThat(config.responseRetentionDays()).isEqualTo(365);
    }

    @Test
    void load_shouldNameEveryProblemAtOnce_whenVariablesAreMissingOrMalformed() {
        assertThatThrownBy(() -> HalqeConfig.load(new Env(Map.of("HALQE_TIME_ZONE", "Mars/Olympus",
                        "HALQE_RESPONSE_RETENTION_DAYS", "a year")),
                "HALQE_CASES_TABLE", "HALQE_TIME_ZONE", "HALQE_RESPONSE_RETENTION_DAYS", "HALQE_NO_SUCH_THING"))
                .isInstanceOf(Env.MissingConfigurationException.class)
                .hasMessageContaining("HALQE_CASES_TABLE is not set")
                .hasMessageContaining("HALQE_TIME_ZONE is not a time zone")
                .hasMessageContaining("HALQE_RESPONSE_RETENTION_DAYS is not a number of days")
                .hasMessageContaining("HALQE_NO_SUCH_THING is not a setting Halqe knows");
    }

    @Test
    void load_shouldReadTheReportingCalendar_andRefuseOneItDoesNotKnow() {
        // GIVEN functions that name HALQE_REPORTING_CALENDAR: unset, persian, and an unknown one
        var unset = HalqeConfig.load(new Env(Map.of()), "HALQE_REPORTING_CALENDAR");
        var persian = HalqeConfig.load(new Env(Map.of("HALQE_REPORTING_CALENDAR", "persian")), "HALQE_REPORTING_CALENDAR");
        // THEN Gregorian is the default, persian is the Solar Hijri calendar, and another is an init error
        assertThat(unset.reportingCalendar().id()).isEqualTo("gregorian");
        assertThat(persian.reportingCalendar().id()).isEqualTo("persian");
        assertThatThrownBy(() -> HalqeConfig.load(new Env(Map.of("HALQE_REPORTING_CALENDAR", "julian")),
                "HALQE_REPORTING_CALENDAR")).hasMessageContaining("HALQE_REPORTING_CALENDAR is not gregorian or persian");
    }

    @Test
    void required_shouldSayWhichVariableIsMissing_whenAFunctionUsesASettingItDidNotName() {
        var config = HalqeConfig.load(new Env(Map.of()));
        assertThatThrownBy(() -> HalqeConfig.required(config.outreachTable(), "outreachTable"))
                .hasMessageContaining("HALQE_OUTREACH_TABLE");
    }

    @Test
    void load_shouldReadTheAccountBranding_andRefuseAColourThatIsNotOne() {
        // GIVEN the stack's SenderName and Brand* parameters
        var config = HalqeConfig.load(new Env(Map.of("HALQE_SENDER_NAME", "Acme Shop", "HALQE_BRAND_COLOR", "#ffcc00",
                        "HALQE_BRAND_LOGO_URL", "", "HALQE_BRAND_FOOTER", "Acme, 1 Main St")),
                "HALQE_SENDER_NAME", "HALQE_BRAND_COLOR", "HALQE_BRAND_LOGO_URL", "HALQE_BRAND_FOOTER");
        // THEN they make the account's branding; an empty logo is none; a light colour gets dark button text
        assertThat(config.branding().senderNameIn("fa", "en")).isEqualTo("Acme Shop");
        assertThat(config.branding().footerIn("en", "en")).isEqualTo("Acme, 1 Main St");
        assertThat(config.branding().logoUrl()).isEmpty();
        assertThat(config.branding().textOnColor()).isEqualTo("#1a1a1a");
        // AND a malformed colour stops the function at init, named
        assertThatThrownBy(() -> HalqeConfig.load(new Env(Map.of("HALQE_BRAND_COLOR", "red")), "HALQE_BRAND_COLOR"))
                .hasMessageContaining("the account branding's color must be a colour such as #005fcc");
    }
}
