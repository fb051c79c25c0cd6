package io.halqe.domain.migration;

import io.halqe.domain.core.Problem;
import io.halqe.domain.customers.CustomerColumns;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.CustomerValidator;
import io.halqe.domain.response.SubmitResponse;
import io.halqe.domain.text.Digits;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the columns of a Delighted responses export mean, read from its header as leniently as
 * {@link CustomerColumns} reads a people file (any case, spaces and punctuation): one answer a row, with its
 * {@code Response ID}, {@code Score} (0–10), {@code Comment} and when it was given ({@code Created At}, {@code Date},
 * {@code Response timestamp}: Unix seconds or a written date and time). The person's columns ({@code Email},
 * {@code Name}, custom properties) are read by {@link CustomerColumns}; the answer's others ({@code Permalink},
 * {@code Tags}, {@code Notes}, {@code Updated At}, {@code Delighted Source}, {@code Survey Type}) are left out.
 */
public final class DelightedColumns {

    static final String RESPONSE_ID = "responseId";
    static final String SCORE = "score";
    static final String COMMENT = "comment";
    static final String CREATED_AT = "createdAt";
    private static final String LEFT_OUT = "";

    /** Normalised header → the answer field it holds ({@link #LEFT_OUT}: the answer's, but not imported). */
    private static final Map<String, String> ALIASES = aliases(Map.of(
            RESPONSE_ID, List.of("responseid", "surveyresponseid"),
            SCORE, List.of("score", "npsscore"),
            COMMENT, List.of("comment", "comments"),
            CREATED_AT, List.of("createdat", "created", "date", "responsetimestamp", "responsedate", "respondedat",
                    "submittedat", "timestamp"),
            LEFT_OUT, List.of("permalink", "surveytype", "updatedat", "tags", "notes", "delightedsource")));
    private static final Map<String, String> COLUMN_NAMES = Map.of(RESPONSE_ID, "Response ID", SCORE, "Score",
            COMMENT, "Comment", CREATED_AT, "Created At");

    /** A date, then a time after {@code T} or a space, then a zone: {@code Z}, {@code +03:30}, {@code -0700}, {@code UTC}. */
    private static final DateTimeFormatter WRITTEN = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendPattern("['T'][' ']").append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendPattern("[' ']")
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendZoneRegionId().optionalEnd()
            .optionalEnd().optionalEnd().toFormatter();
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{9,10}");
    private static final Pattern UNIX_MILLIS = Pattern.compile("\\d{12,13}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,3}");

    /** Per answer field, the column holding it (the first that does). */
    private final Map<String, Integer> answerColumns;
    private final Map<String, String> headers;
    private final CustomerColumns person;
    private final ZoneId zone;

    private DelightedColumns(Map<String, Integer> answerColumns, Map<String, String> headers, CustomerColumns person,
                             ZoneId zone) {
        this.answerColumns = answerColumns;
        this.headers = headers;
        this.person = person;
        this.zone = zone;
    }

    /** One row: the answer's fields, the person it names (null if none) and what could not be read. */
    public record Row(int number, String responseId, Integer score, String comment, Instant givenAt,
                      CustomerProfile person, List<Problem> problems) {
        public Row {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The normalised names of a responses export's answer columns, which are not the person's; none when the header
     * is not a responses export's (it needs a Response ID and a Score), so a people file keeps every column.
     */
    public static Set<String> answerColumns(List<String> header) {
        Set<String> normalised = new LinkedHashSet<>();
        header.forEach(column -> normalised.add(CustomerColumns.normalised(column)));
        Set<String> fields = new java.util.HashSet<>();
        normalised.forEach(column -> fields.add(ALIASES.get(column)));
        if (!fields.contains(RESPONSE_ID) || !fields.contains(SCORE)) {
            return Set.of();
        }
        normalised.retainAll(ALIASES.keySet());
        return Set.copyOf(normalised);
    }

    /** The column a responses export must have and this header lacks, if any. */
    public static Optional<Problem> missing(List<String> header) {
        Set<String> fields = new java.util.HashSet<>();
        header.forEach(column -> fields.add(ALIASES.get(CustomerColumns.normalised(column))));
        for (String field : List.of(RESPONSE_ID, SCORE, CREATED_AT)) {
            if (!fields.contains(field)) {
                return Optional.of(new Problem(field, "has no column in this file: a Delighted responses export has "
                        + COLUMN_NAMES.get(field) + (field.equals(CREATED_AT) ? " (or Date, or Response timestamp)" : "")));
            }
        }
        return Optional.empty();
    }

    /** {@code zone}: where a date or time written without an offset was (the reporting time zone). */
    public static DelightedColumns of(List<String> header, ZoneId zone) {
        Map<String, Integer> columns = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = ALIASES.get(CustomerColumns.normalised(header.get(i)));
            if (field != null && !field.equals(LEFT_OUT) && !columns.containsKey(field)) {
                columns.put(field, i);
                headers.put(field, header.get(i).strip());
            }
        }
        return new DelightedColumns(columns, headers, CustomerColumns.of(header, answerColumns(header)), zone);
    }

    public Row row(int number, List<String> cells) {
        List<Problem> problems = new ArrayList<>();
        String responseId = cell(cells, RESPONSE_ID);
        if (responseId == null) {
            problems.add(new Problem(RESPONSE_ID, "is required (column " + header(RESPONSE_ID) + "): it names the "
                    + "answer, so that importing the file again changes nothing"));
        }
        Integer score = score(cell(cells, SCORE), problems);
        String comment = cell(cells, COMMENT);
        if (comment != null && comment.length() > SubmitResponse.MAX_TEXT_LENGTH) {
            problems.add(new Problem(COMMENT, "must be at most " + SubmitResponse.MAX_TEXT_LENGTH
                    + " characters (column " + header(COMMENT) + ")"));
        }
        Instant givenAt = givenAt(cell(cells, CREATED_AT), problems);
        var read = person.row(number, cells);
        problems.addAll(read.problems());
        CustomerProfile profile = read.profile().identified();
        if (profile.id() != null) {
            problems.addAll(CustomerValidator.problems(profile));
        }
        return new Row(number, responseId, score, comment, givenAt, profile.id() == null ? null : profile, problems);
    }

    private String cell(List<String> cells, String field) {
        Integer column = answerColumns.get(field);
        String value = column == null || column >= cells.size() ? null : cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String header(String field) {
        return headers.getOrDefault(field, COLUMN_NAMES.get(field));
    }

    private Integer score(String written, List<Problem> problems) {
        String digits = written == null ? null : Digits.toAscii(written);
        if (digits != null && WHOLE_NUMBER.matcher(digits).matches()) {
            int score = Integer.parseInt(digits);
            if (score >= 0 && score <= 10) {
                return score;
            }
        }
        problems.add(new Problem(SCORE, "must be a whole number from 0 to 10 (column " + header(SCORE) + "), "
                + (written == null ? "not empty" : "not " + written)));
        return null;
    }

    /**
     * Unix seconds (Delighted's API), milliseconds, or a written date and time; without an offset it is the reporting
     * zone's, and a date alone is its start of day there.
     */
    private Instant givenAt(String written, List<Problem> problems) {
        try {
            if (written != null && UNIX_SECONDS.matcher(written).matches()) {
                return Instant.ofEpochSecond(Long.parseLong(written));
            }
            if (written != null && UNIX_MILLIS.matcher(written).matches()) {
                return Instant.ofEpochMilli(Long.parseLong(written));
            }
            if (written != null) {
                TemporalAccessor parsed = WRITTEN.parseBest(written, ZonedDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                return switch (parsed) {
                    case ZonedDateTime zoned -> zoned.toInstant();
                    case LocalDateTime local -> local.atZone(zone).toInstant();
                    case LocalDate day -> day.atStartOfDay(zone).toInstant();
                    default -> throw new DateTimeException("unexpected " + parsed);
                };
            }
        } catch (DateTimeException unreadable) {
            // reported below
        }
        problems.add(new Problem(CREATED_AT, "must be Unix seconds or a date and time such as 2026-03-01T10:00:00Z "
                + "or 2026-03-01 10:00:00 -0700 (column " + header(CREATED_AT) + "), "
                + (written == null ? "not empty" : "not " + written)));
        return null;
    }

    private static Map<String, String> aliases(Map<String, List<String>> namesByField) {
        Map<String, String> byName = new LinkedHashMap<>();
        namesByField.forEach((field, names) -> names.forEach(name -> byName.put(name, field)));
        return Map.copyOf(byName);
    }
}
