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

    private static final String[] ANALYZER = {"HALQE_ANALYZER_MODEL_ID", "HALQE_ANALYZER_MONTHLY_BUDGET_USD",
            "HALQE_ANALYZER_TIMEOUT_MILLIS", "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION",
            "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION"};

    @Test
    void load_shouldLeaveTheBedrockAnalyzerOff_whenTheModelIdIsEmpty() {
        // GIVEN the enrichment function's Analyzer* variables as the template's defaults set them
        var config = HalqeConfig.load(new Env(Map.of("HALQE_ANALYZER_MODEL_ID", "", "HALQE_ANALYZER_MONTHLY_BUDGET_USD",
                "10", "HALQE_ANALYZER_TIMEOUT_MILLIS", "2000", "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "0",
                "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION", "0")), ANALYZER);
        // WHEN read THEN the analyzer is off (prices of 0 are fine without a model); a function not naming them has none
        assertThat(config.analyzer().enabled()).isFalse();
        assertThat(config.analyzer().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(HalqeConfig.load(new Env(Map.of())).analyzer()).isNull();
    }

    @Test
    void load_shouldReadTheBedrockAnalyzer_whenAModelAndItsPricesAreSet() {
        // GIVEN a model, a $25 budget, 1.5 s calls and the model's prices per million tokens
        var config = HalqeConfig.load(new Env(Map.of("HALQE_ANALYZER_MODEL_ID", " amazon.nova-micro-v1:0 ",
                "HALQE_ANALYZER_MONTHLY_BUDGET_USD", "25", "HALQE_ANALYZER_TIMEOUT_MILLIS", "1500",
                "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "0.035", "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION", "0.14")),
                ANALYZER);
        // WHEN read THEN every setting is there, exactly
        assertThat(config.analyzer()).isEqualTo(new io.halqe.aws.analysis.AnalyzerSettings("amazon.nova-micro-v1:0",
                new java.math.BigDecimal("25"), Duration.ofMillis(1500), new java.math.BigDecimal("0.035"),
                new java.math.BigDecimal("0.14")));
        assertThat(config.analyzer().enabled()).isTrue();
    }

    @Test
    void load_shouldNameEveryBadAnalyzerSetting_atInit_whenTheyAreMalformed() {
        // GIVEN an ARN for a model id, a budget in words, a timeout past what a batch allows, and free prices
        // WHEN read THEN init fails naming each of them
        assertThatThrownBy(() -> HalqeConfig.load(new Env(Map.of(
                        "HALQE_ANALYZER_MODEL_ID", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0",
                        "HALQE_ANALYZER_MONTHLY_BUDGET_USD", "ten dollars", "HALQE_ANALYZER_TIMEOUT_MILLIS", "5000",
                        "HALQE_ANALYZER_INPUT_PRICE_PER_MILLION", "0", "HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION", "-1")),
                ANALYZER))
                .isInstanceOf(Env.MissingConfigurationException.class)
                .hasMessageContaining("HALQE_ANALYZER_MODEL_ID is not a Bedrock model id")
                .hasMessageContaining("HALQE_ANALYZER_MONTHLY_BUDGET_USD is not an amount of US dollars")
                .hasMessageContaining("HALQE_ANALYZER_TIMEOUT_MILLIS is not a whole number from 100 to 2500: 5000")
                .hasMessageContaining("HALQE_ANALYZER_INPUT_PRICE_PER_MILLION must be above 0 when HALQE_ANALYZER_MODEL_ID is set")
                .hasMessageContaining("HALQE_ANALYZER_OUTPUT_PRICE_PER_MILLION is not an amount of US dollars from 0");
    }
}
