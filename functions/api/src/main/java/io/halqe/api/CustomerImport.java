package io.halqe.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Problem;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.ManageCustomers;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import bodies into rows: NDJSON (one profile object a line) or CSV with a header line. CSV columns are the
 * profile's fields; any other column is a free-form attribute. A row that cannot be read is reported, not fatal.
 */
final class CustomerImport {

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectReader CSV_ROWS = CSV.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader().withNullValue(""));
    private static final Set<String> FIELDS = Set.of("id", "name", "email", "phone", "segment", "plan", "lifetimeValue",
            "region", "accountOwner", "language", "timeZone", "updatedAt");

    private CustomerImport() {
    }

    static List<ManageCustomers.Row> ndjson(String body) {
        List<ManageCustomers.Row> rows = new ArrayList<>();
        String[] lines = body.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                rows.add(ManageCustomers.Row.of(i + 1, Json.MAPPER.readValue(lines[i], CustomerProfile.class)));
            } catch (IOException unreadable) {
                rows.add(ManageCustomers.Row.unreadable(i + 1, "line " + (i + 1) + " is not a customer JSON object"));
            }
        }
        return rows;
    }

    static List<ManageCustomers.Row> csv(String body) {
        List<ManageCustomers.Row> rows = new ArrayList<>();
        int line = 1;
        try (MappingIterator<Map<String, String>> iterator = CSV_ROWS.readValues(body)) {
            while (iterator.hasNextValue()) {
                line++;
                try {
                    rows.add(row(line, iterator.nextValue()));
                } catch (RuntimeException unreadable) {
                    rows.add(ManageCustomers.Row.unreadable(line, "row " + line + ": " + unreadable.getMessage()));
                }
            }
        } catch (IOException | RuntimeException malformed) {
            rows.add(ManageCustomers.Row.unreadable(line + 1, "the CSV cannot be read past row " + line + ": "
                    + malformed.getClass().getSimpleName()));
        }
        return rows;
    }

    /** A cell that cannot be read is a problem of its own, so the row's other fields are still checked. */
    private static ManageCustomers.Row row(int line, Map<String, String> row) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!FIELDS.contains(column) && value != null && !value.isBlank()) {
                attributes.put(column, value);
            }
        });
        Double lifetimeValue = null;
        try {
            lifetimeValue = blank(row.get("lifetimeValue")) ? null : Double.valueOf(row.get("lifetimeValue").strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem("lifetimeValue", "must be a number such as 1200.50"));
        }
        Instant updatedAt = null;
        try {
            updatedAt = blank(row.get("updatedAt")) ? null : Instant.parse(row.get("updatedAt").strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("updatedAt", "must be an ISO-8601 instant such as 2026-11-20T08:00:00Z"));
        }
        return new ManageCustomers.Row(line, new CustomerProfile(text(row, "id"), text(row, "name"), text(row, "email"),
                text(row, "phone"), text(row, "segment"), text(row, "plan"), lifetimeValue, text(row, "region"),
                text(row, "accountOwner"), text(row, "language"), text(row, "timeZone"), attributes, updatedAt), problems);
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
