package io.halqe.aws.runtime;

import io.halqe.aws.calendar.ReportingCalendars;
import io.halqe.domain.scoring.ReportingCalendar;
import io.halqe.domain.config.Env;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.survey.LocalizedText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
                          int smsMonthlyLimit, ReportingCalendar reportingCalendar) {

    private static final String PREFIX = "HALQE_";

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
                read.whole("smsMonthlyLimit", 1000), read.calendar("reportingCalendar"));
        read.finish();
        return config;
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
