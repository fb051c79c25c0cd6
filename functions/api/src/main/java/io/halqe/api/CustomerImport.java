package io.halqe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Spreadsheet;
import io.halqe.domain.customers.CustomerColumns;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.ManageCustomers.Row;
import io.halqe.domain.migration.DelightedColumns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bulk import bodies into rows: NDJSON (one profile object a line) or CSV ({@link CsvSheets}), whose columns
 * {@link CustomerColumns} reads. A row that cannot be read is reported, not fatal.
 */
final class CustomerImport {

    private CustomerImport() {
    }

    static List<Row> ndjson(String body) {
        List<Row> rows = new ArrayList<>();
        String[] lines = CsvSheets.withoutByteOrderMark(body).split("\r?\n");
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

    /**
     * The people in a CSV; a Delighted responses export's answer columns are left out ({@link DelightedColumns}), so
     * its Email and Name rows become people too.
     */
    static List<Row> csv(String body) {
        Spreadsheet sheet = CsvSheets.read(body);
        CustomerColumns columns = CustomerColumns.of(sheet.header(), DelightedColumns.answerColumns(sheet.header()));
        return sheet.rows().stream().map(line -> switch (line) {
            case Spreadsheet.Cells cells -> row(columns, cells);
            case Spreadsheet.Unreadable unreadable -> Row.unreadable(unreadable.number(), unreadable.why());
        }).toList();
    }

    private static Row row(CustomerColumns columns, Spreadsheet.Cells cells) {
        try {
            return columns.row(cells.number(), cells.values());
        } catch (RuntimeException unreadable) {
            return Row.unreadable(cells.number(), "row " + cells.number() + ": " + unreadable.getMessage());
        }
    }
}
