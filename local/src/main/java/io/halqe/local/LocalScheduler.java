package io.halqe.local;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EventBridge Scheduler's {@code rate(...)} schedules on the local clock. */
public final class LocalScheduler {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    /** One schedule; {@code next} is when it fires next. */
    public static final class Schedule {
        private final String name;
        private final LocalFunction function;
        private final Duration rate;
        private final String input;
        private final int maxRetries;
        private Instant next;

        Schedule(String name, LocalFunction function, Duration rate, String input, int maxRetries, Instant next) {
            this.name = name;
            this.function = function;
            this.rate = rate;
            this.input = input;
            this.maxRetries = maxRetries;
            this.next = next;
        }

        public String name() {
            return name;
        }

        public Duration rate() {
            return rate;
        }

        public synchronized Instant next() {
            return next;
        }

        /** The payload for a firing at {@code time}: the Input with the context attributes substituted, else {}. */
        public String payload(Instant time) {
            if (input == null) {
                return "{}";
            }
            return input
                    .replace("<aws.scheduler.scheduled-time>", time.truncatedTo(ChronoUnit.SECONDS).toString())
                    .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                    .replace("<aws.scheduler.attempt-number>", "1")
                    .replace("<aws.scheduler.schedule-arn>",
                            "arn:aws:scheduler:us-east-1:000000000000:schedule/default/" + name);
        }
    }

    private final List<Schedule> schedules = new ArrayList<>();
    private final AsyncInvocations invocations;

    LocalScheduler(AsyncInvocations invocations) {
        this.invocations = invocations;
    }

    /** A {@code rate(N minutes|hours|days)} expression's period; other expressions are rejected. */
    public static Duration parseRate(String expression) {
        Matcher matcher = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the local cloud runs rate(N minutes|hours|days) schedules only, not "
                    + expression);
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + expression);
        }
        return switch (matcher.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    synchronized Schedule add(String name, LocalFunction function, String expression, String input, int maxRetries,
                              Instant start) {
        Duration rate = parseRate(expression);
        Schedule schedule = new Schedule(name, function, rate, input, maxRetries, start.plus(rate));
        schedules.add(schedule);
        return schedule;
    }

    public synchronized List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    /** The schedule due soonest at or before {@code time}. */
    synchronized Optional<Schedule> earliestDue(Instant time) {
        return schedules.stream()
                .filter(schedule -> !schedule.next().isAfter(time))
                .min(Comparator.comparing(Schedule::next));
    }

    /** Fires a schedule at its due time: queues the async invocation and moves it to its next time. */
    Instant fire(Schedule schedule, boolean log) {
        Instant time;
        synchronized (schedule) {
            time = schedule.next;
            schedule.next = schedule.next.plus(schedule.rate);
        }
        if (log) {
            System.out.println("[local] schedule " + schedule.name + " fires at " + time + " -> "
                    + schedule.function.functionName());
        }
        invocations.enqueue(schedule.function, "schedule:" + schedule.name, schedule.payload(time), schedule.maxRetries);
        return time;
    }
}
