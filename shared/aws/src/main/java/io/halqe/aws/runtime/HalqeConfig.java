package io.halqe.aws.runtime;

import io.halqe.aws.analysis.AnalyzerSettings;
import io.halqe.aws.calendar.ReportingCalendars;
import io.halqe.domain.scoring.ReportingCalendar;
import io.halqe.domain.config.Env;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.survey.LocalizedText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every setting a function reads, read once at init from the environment variables template.yaml sets: each
 * component {@code casesTable} is the variable {@code HALQE_CASES_TABLE}. A function names the variables it reads
 * ({@link #load}); the others stay null, and a setting it names but lacks fails its init with one message naming
 * every problem.
 */
public record HalqeConfig(String surveysTable, String responsesTable, String directoryTable, String casesTable,
                          String aggregatesTable, String outreachTable, String eventBusName, String alertsTopicArn,
                          String linkSecretArn, String senderEmail, String sesConfigurationSet, String publicBaseUrl,
                          ZoneId timeZone, Duration detractorCaseSla, String defaultTeam, String defaultOwnerEmail,
                          String escalationEmail, String apiKeySha256, int responseRetentionDays, Branding branding,
                          String limitsTable, int anonymousAnswersPerMinute, int alertsPerRuleHour,
                          int smsMonthlyLimit, ReportingCalendar reportingCalendar, AnalyzerSettings analyzer,
                          String auditTable, String peoplePoolId, String signInUrl, String consoleClientId,
                          String metricsNamespace, String webhooksTable, Set<String> webhookSchemes) {

    private static final String PREFIX = "HALQE_";
    /** A Bedrock model id (anthropic.claude-3-haiku-20240307-v1:0): the IAM grant is built from it, so no ARN. */
    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,127}");
    /**
     * At most 2.5 s a call: a stream batch of up to 100 comments, each one call, must fit the function's 300 s
     * timeout (template.yaml raises it from 30 s when the model is on) with the rest of the batch's work.
     */
    static final int MAX_ANALYZER_TIMEOUT_MILLIS = 2_500;

    /** The settings named by {@code variables} (the variables' names, as template.yaml sets them), from {@code env}. */
    public static HalqeConfig load(Env env, String... variables) {
        Reader read = new Reader(env, variables);
        HalqeConfig config = new HalqeConfig(read.text("surveysTable"), read.text("responsesTable"),
                read.text("directoryTable"), read.text("casesTable"), read.text("aggregatesTable"),
                read.text("outreachTable"), read.text("eventBusName"), read.text("alertsTopicArn"),
                read.text("linkSecretArn"), read.text("senderEmail"), read.text("sesConfigurationSet"),
                read.optional("publicBaseUrl", ""), read.zone("timeZone"),
                read.duration("detractorCaseSla", Duration.ofHours(48)), read.text("defaultTeam"),
                read.text("defaultOwnerEmail"), read.text("escalationEmail"), read.text("apiKeySha256"),
                read.days("responseRetentionDays"), read.branding(), read.text("limitsTable"),
                read.whole("anonymousAnswersPerMinute", 30), read.whole("alertsPerRuleHour", 10),
                read.whole("smsMonthlyLimit", 1000), read.calendar("reportingCalendar"), read.analyzer(),
                read.text("auditTable"), read.text("peoplePoolId"), read.optional("signInUrl", ""),
                read.optional("consoleClientId", ""), read.text("metricsNamespace"), read.text("webhooksTable"),
                schemes(read.optional("webhookSchemes", "https")));
        read.finish();
        return config;
    }

    /** {@code "https,http"}: the URL schemes a webhook subscription may use. */
    private static Set<String> schemes(String list) {
        return list == null ? null : Set.of(list.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    }

    /** {@code casesTable} → {@code HALQE_CASES_TABLE}. */
    static String variableOf(String component) {
        return PREFIX + component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** A setting this function did not ask for, or that is missing: a wiring mistake, told at init. */
    public static <T> T required(T value, String component) {
        if (value == null) {
            throw new Env.MissingConfigurationException(variableOf(component), "is not set for this function");
        }
        return value;
    }

    /** Reads only the requested variables, collecting every problem so init reports them together. */
    private static final class Reader {
        private final Env env;
        private final Set<String> requested;
        private final Set<String> known = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();

        Reader(Env env, String... variables) {
            this.env = env;
            this.requested = new LinkedHashSet<>(List.of(variables));
        }

        private String raw(String component, boolean required) {
            String variable = variableOf(component);
            known.add(variable);
            if (!requested.contains(variable)) {
                return null;
            }
            var value = env.optional(variable);
            if (value.isEmpty() && required) {
                problems.add(variable + " is not set");
            }
            return value.orElse(null);
        }

        String text(String component) {
            return raw(component, true);
        }

        String optional(String component, String fallback) {
            String variable = variableOf(component);
            String value = raw(component, false);
            return value != null || !requested.contains(variable) ? value : fallback;
        }

        ZoneId zone(String component) {
            String value = optional(component, "UTC");
            try {
                return value == null ? null : ZoneId.of(value);
            } catch (DateTimeException e) {
                problems.add(variableOf(component) + " is not a time zone such as Asia/Tehran: " + value);
                return null;
            }
        }

        ReportingCalendar calendar(String component) {
            String value = optional(component, "gregorian");
            if (value == null) {
                return null;
            }
            return ReportingCalendars.of(value).orElseGet(() -> {
                problems.add(variableOf(component) + " is not gregorian or persian: " + value);
                return null;
            });
        }

        Duration duration(String component, Duration fallback) {
            String value = optional(component, fallback.toString());
            try {
                return value == null ? null : Duration.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(variableOf(component) + " is not an ISO-8601 duration such as PT48H: " + value);
                return null;
            }
        }

        /** A whole number of days, 0 (off) when absent. */
        int days(String component) {
            String value = optional(component, "0");
            try {
                int days = value == null ? 0 : Integer.parseInt(value.strip());
                if (days < 0 || days > 36500) {
                    throw new NumberFormatException();
                }
                return days;
            } catch (NumberFormatException e) {
                problems.add(variableOf(component) + " is not a number of days from 0 (keep everything): " + value);
                return 0;
            }
        }

        /** A whole number from 0 (off), {@code fallback} when absent. */
        int whole(String component, int fallback) {
            String value = optional(component, Integer.toString(fallback));
            try {
                int number = value == null ? fallback : Integer.parseInt(value.strip());
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(variableOf(component) + " is not a whole number from 0 (off): " + value);
                return fallback;
            }
        }

        /**
         * The optional Bedrock analyzer: null when the function does not name its model id; off when the id is empty.
         * With a model, prices must be above 0, or the monthly budget would count nothing.
         */
        AnalyzerSettings analyzer() {
            String modelId = optional("analyzerModelId", "");
            BigDecimal budget = usd("analyzerMonthlyBudgetUsd", "10");
            int timeoutMillis = between("analyzerTimeoutMillis", 2_000, 100, MAX_ANALYZER_TIMEOUT_MILLIS);
            BigDecimal input = usd("analyzerInputPricePerMillion", "0");
            BigDecimal output = usd("analyzerOutputPricePerMillion", "0");
            if (modelId == null) {
                return null;
            }
            modelId = modelId.strip();
            if (!modelId.isEmpty()) {
                if (!MODEL_ID.matcher(modelId).matches()) {
                    problems.add(variableOf("analyzerModelId") + " is not a Bedrock model id such as "
                            + "anthropic.claude-3-haiku-20240307-v1:0: " + modelId);
                }
                priced("analyzerInputPricePerMillion", input);
                priced("analyzerOutputPricePerMillion", output);
            }
            // a setting the function did not name, or a malformed one (init fails then), is its default
            return new AnalyzerSettings(modelId, budget == null ? BigDecimal.TEN : budget,
                    Duration.ofMillis(timeoutMillis), input == null ? BigDecimal.ZERO : input,
                    output == null ? BigDecimal.ZERO : output);
        }

        /** A price left at 0 (or not named) while a model is set: the budget would never be spent. */
        private void priced(String component, BigDecimal price) {
            boolean malformed = price == null && requested.contains(variableOf(component));
            if (!malformed && (price == null || price.signum() == 0)) {
                problems.add(variableOf(component) + " must be above 0 when " + variableOf("analyzerModelId")
                        + " is set: the monthly budget counts the model's spend by it");
            }
        }

        /** US dollars from 0, {@code fallback} when unset; null when the function does not name it or it is malformed. */
        BigDecimal usd(String component, String fallback) {
            String value = optional(component, fallback);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal amount = new BigDecimal(value.strip());
                if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    throw new NumberFormatException();
                }
                return amount;
            } catch (NumberFormatException e) {
                problems.add(variableOf(component) + " is not an amount of US dollars from 0, such as 10 or 0.25: " + value);
                return null;
            }
        }

        /** A whole number from {@code min} to {@code max}, {@code fallback} when absent. */
        int between(String component, int fallback, int min, int max) {
            String value = optional(component, Integer.toString(fallback));
            try {
                int number = value == null ? fallback : Integer.parseInt(value.strip());
                if (number < min || number > max) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                problems.add(variableOf(component) + " is not a whole number from " + min + " to " + max + ": " + value);
                return fallback;
            }
        }

        /** The account's branding (SenderName, BrandLogoUrl, BrandColor, BrandFooter); empty values leave a part out. */
        Branding branding() {
            String name = optional("senderName", "");
            String footer = optional("brandFooter", "");
            Branding branding = new Branding(blank(name) ? null : LocalizedText.of(name), optional("brandLogoUrl", ""),
                    optional("brandColor", ""), blank(footer) ? null : LocalizedText.of(footer));
            branding.problem("brand").ifPresent(problem -> problems.add("the account branding's " + problem.field()
                    .substring("brand.".length()) + " " + problem.message()));
            return branding;
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        void finish() {
            for (String variable : requested) {
                if (!known.contains(variable)) {
                    problems.add(variable + " is not a setting Halqe knows");
                }
            }
            if (!problems.isEmpty()) {
                throw new Env.MissingConfigurationException("of this function", "has problems: " + String.join("; ", problems));
            }
        }
    }
}
