package io.halqe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Problem;
import io.halqe.domain.customers.CustomerColumns;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.ManageCustomers.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bulk import bodies into rows: NDJSON (one profile object a line) or CSV with a header line, comma, semicolon or tab
 * separated, with or without a byte-order mark (Excel's "CSV UTF-8" writes one). {@link CustomerColumns} says what
 * the CSV's columns mean. A row that cannot be read is reported, not fatal.
 */
final class CustomerImport {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CustomerImport() {
    }

    static List<Row> ndjson(String body) {
        List<Row> rows = new ArrayList<>();
        String[] lines = withoutByteOrderMark(body).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(ndjsonRow(i + 1, lines[i]));
            }
        }
        return rows;
    }

    /**
     * A field of the wrong type is a problem of its own and leaves the profile, so the row's other fields are still
     * checked and every problem is reported.
     */
    private static Row ndjsonRow(int number, String line) {
        Row unreadable = Row.unreadable(number, "line " + number + " is not a customer JSON object");
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (IOException notJson) {
            return unreadable;
        }
        if (!(node instanceof ObjectNode fields)) {
            return unreadable;
        }
        List<Problem> problems = new ArrayList<>();
        while (true) {
            try {
                return new Row(number, Json.MAPPER.treeToValue(fields, CustomerProfile.class), problems);
            } catch (JsonMappingException wrongType) {
                if (wrongType.getPath().isEmpty() || fields.remove(wrongType.getPath().get(0).getFieldName()) == null) {
                    return unreadable;
                }
                problems.add(new Problem(path(wrongType), "has the wrong type or value"));
            } catch (JsonProcessingException | IllegalArgumentException wrongShape) {
                return unreadable;
            }
        }
    }

    private static String path(JsonMappingException wrongType) {
        return wrongType.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Row numbers are the spreadsheet's (the header is row 1); empty rows are skipped but keep their number. */
    static List<Row> csv(String body) {
        String text = withoutByteOrderMark(body);
        List<Row> rows = new ArrayList<>();
        int line = 1;
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator(text))).readValues(text)) {
            if (!records.hasNextValue()) {
                return rows;
            }
            CustomerColumns columns = CustomerColumns.of(Arrays.asList(records.nextValue()));
            while (records.hasNextValue()) {
                line++;
                try {
                    List<String> cells = Arrays.asList(records.nextValue());
                    if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                        rows.add(columns.row(line, cells));
                    }
                } catch (RuntimeException unreadable) {
                    rows.add(Row.unreadable(line, "row " + line + ": " + unreadable.getMessage()));
                }
            }
        } catch (IOException | RuntimeException malformed) {
            rows.add(Row.unreadable(line + 1, "the CSV cannot be read past row " + line + ": "
                    + malformed.getClass().getSimpleName()));
        }
        return rows;
    }

    /** The header line's most frequent of comma, semicolon and tab: Excel writes its locale's list separator. */
    private static char separator(String csv) {
        int end = csv.indexOf('\n');
        String header = end < 0 ? csv : csv.substring(0, end);
        char best = ',';
        for (char candidate : new char[] {';', '\t'}) {
            if (count(header, candidate) > count(header, best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static String withoutByteOrderMark(String body) {
        return body.startsWith(BYTE_ORDER_MARK) ? body.substring(BYTE_ORDER_MARK.length()) : body;
    }
}
