package io.halqe.domain.outreach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * When Halqe may contact a customer. {@code frequencyCap}: at most one invitation per customer per period, across
 * surveys and channels ({@code surveyFrequencyCaps} override it for a survey's own invitations); quiet hours in the
 * customer's time zone defer outreach to their end; {@code reminderAfter} and {@code maxReminders} for non-responders;
 * {@code resurveyAfterClose} re-surveys a case's customer after it closed; {@code relationshipCadenceDays} re-invites
 * each customer of a survey every N days. Durations are ISO-8601, times {@code HH:mm}.
 */
public record ContactPolicy(String frequencyCap, Map<String, String> surveyFrequencyCaps, String quietHoursStart,
                            String quietHoursEnd, String reminderAfter, int maxReminders, String resurveyAfterClose,
                            Map<String, Integer> relationshipCadenceDays) {

    public static final ContactPolicy DEFAULTS = new ContactPolicy("P30D", Map.of(), "21:00", "09:00", "P3D", 1, "P7D",
            Map.of());

    public ContactPolicy {
        surveyFrequencyCaps = surveyFrequencyCaps == null ? Map.of() : Map.copyOf(surveyFrequencyCaps);
        relationshipCadenceDays = relationshipCadenceDays == null ? Map.of() : Map.copyOf(relationshipCadenceDays);
    }

    public Duration capFor(String surveyId) {
        return Duration.parse(surveyFrequencyCaps.getOrDefault(surveyId, frequencyCap));
    }

    public Duration reminderDelay() {
        return Duration.parse(reminderAfter);
    }

    public Duration resurveyDelay() {
        return Duration.parse(resurveyAfterClose);
    }

    /** When quiet hours end, if {@code at} falls in them in {@code zone}; empty when contact is fine now. */
    public Optional<Instant> quietUntil(Instant at, ZoneId zone) {
        if (quietHoursStart == null || quietHoursEnd == null) {
            return Optional.empty();
        }
        LocalTime start = LocalTime.parse(quietHoursStart);
        LocalTime end = LocalTime.parse(quietHoursEnd);
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime until = local.with(end).withSecond(0).withNano(0);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return Optional.of(until.toInstant());
    }

    /** What is wrong with it, for a 400 naming the field; empty when valid. */
    public Optional<String> problem() {
        for (var duration : Map.of("frequencyCap", String.valueOf(frequencyCap), "reminderAfter",
                String.valueOf(reminderAfter), "resurveyAfterClose", String.valueOf(resurveyAfterClose)).entrySet()) {
            if (!isPositive(duration.getValue())) {
                return Optional.of(duration.getKey() + " must be a positive ISO-8601 duration such as P30D");
            }
        }
        for (var cap : surveyFrequencyCaps.entrySet()) {
            if (!isPositive(cap.getValue())) {
                return Optional.of("surveyFrequencyCaps." + cap.getKey() + " must be a positive ISO-8601 duration");
            }
        }
        if ((quietHoursStart == null) != (quietHoursEnd == null) || !isTime(quietHoursStart) || !isTime(quietHoursEnd)) {
            return Optional.of("quietHoursStart and quietHoursEnd must both be HH:mm, or both absent");
        }
        if (maxReminders < 0 || maxReminders > 3) {
            return Optional.of("maxReminders must be from 0 to 3");
        }
        for (var cadence : relationshipCadenceDays.entrySet()) {
            if (cadence.getValue() == null || cadence.getValue() < 7 || cadence.getValue() > 730) {
                return Optional.of("relationshipCadenceDays." + cadence.getKey() + " must be from 7 to 730");
            }
        }
        return Optional.empty();
    }

    private static boolean isPositive(String value) {
        try {
            Duration duration = Duration.parse(value);
            return !duration.isNegative() && !duration.isZero();
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private static boolean isTime(String value) {
        try {
            return value == null || LocalTime.parse(value) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
