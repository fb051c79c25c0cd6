package io.halqe.api;

import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The admin API's query parameters: paging, instants and dates; a bad one is a 400 naming it. */
final class Queries {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    /** The largest JSON body a route reads (imports have their own limit). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private Queries() {
    }

    static int limit(HttpRequest request) {
        var raw = request.query("limit");
        if (raw.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new HttpProblem(400, "invalid_query", "limit must be a whole number from 1 to " + MAX_PAGE, "limit");
    }

    static String cursor(HttpRequest request) {
        return request.query("cursor").orElse(null);
    }

    /** {@code where=plan=enterprise}: the cell of one dimension's value ({@code plan=enterprise}), when asked for. */
    static java.util.Optional<String> where(HttpRequest request) {
        var raw = request.query("where").filter(value -> !value.isBlank());
        if (raw.isPresent()) {
            int equals = raw.get().indexOf('=');
            if (equals <= 0 || equals == raw.get().length() - 1 || raw.get().length() > 200) {
                throw new HttpProblem(400, "invalid_query", "where must be <dimension>=<value>, e.g. plan=enterprise",
                        "where");
            }
        }
        return raw;
    }

    static Instant instant(HttpRequest request, String name) {
        return request.query(name).map(value -> {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new HttpProblem(400, "invalid_" + name, name + " must be an ISO-8601 instant", name);
            }
        }).orElse(null);
    }

    /** A date, or an instant read as its date in {@code zone}; null when absent. */
    static LocalDate date(HttpRequest request, String name, ZoneId zone) {
        var raw = request.query(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return null;
        }
        try {
            return raw.get().contains("T") ? LocalDate.ofInstant(Instant.parse(raw.get()), zone) : LocalDate.parse(raw.get());
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "invalid_query", name + " must be a date (2026-11-23) or an instant", name);
        }
    }

    /** {@code from}: a date (its first instant in {@code zone}) or an instant; null when absent. */
    static Instant windowStart(HttpRequest request, ZoneId zone) {
        return boundary(request, "from", zone, 0);
    }

    /** {@code to}: a date (the whole day, so the next day's first instant) or an instant (excluded); after {@code from}. */
    static Instant windowEnd(HttpRequest request, ZoneId zone, Instant from) {
        Instant to = boundary(request, "to", zone, 1);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new HttpProblem(400, "invalid_query", "to must come after from", "to");
        }
        return to;
    }

    private static Instant boundary(HttpRequest request, String name, ZoneId zone, int daysAfter) {
        var raw = request.query(name).filter(value -> !value.isBlank());
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.get().contains("T")) {
            return instant(request, name);
        }
        return date(request, name, zone).plusDays(daysAfter).atStartOfDay(zone).toInstant();
    }

    static <T> T body(HttpRequest request, Class<T> type, String... readOnly) {
        return request.json(type, MAX_BODY_BYTES, readOnly);
    }
}
