package io.halqe.domain.core;

import java.util.List;

/**
 * The cells of an uploaded spreadsheet (a CSV file): its header, then each row numbered as a spreadsheet numbers it
 * (the header is row 1). Empty rows are left out but keep their number; a row that could not be read says why, so
 * an import reports it and goes on.
 */
public record Spreadsheet(List<String> header, List<Line> rows) {

    public Spreadsheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public sealed interface Line {
        int number();
    }

    /** A row's cells; a cell may be null (a short row). */
    public record Cells(int number, List<String> values) implements Line {
        public Cells {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    public record Unreadable(int number, String why) implements Line {
    }
}
