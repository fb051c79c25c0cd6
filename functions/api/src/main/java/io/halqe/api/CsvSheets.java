package io.halqe.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.halqe.domain.core.Spreadsheet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV upload as a {@link Spreadsheet}: a header line, comma, semicolon or tab separated, with or without a
 * byte-order mark (Excel's "CSV UTF-8" writes one); quoted cells may hold separators, quotes and line breaks. A file
 * that breaks off is read up to there, and the rest is one unreadable row.
 */
final class CsvSheets {

    static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvSheets() {
    }

    /** Row numbers are the spreadsheet's (the header is row 1); empty rows are skipped but keep their number. */
    static Spreadsheet read(String body) {
        String text = withoutByteOrderMark(body);
        List<String> header = List.of();
        List<Spreadsheet.Line> rows = new ArrayList<>();
        int line = 1;
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator(text))).readValues(text)) {
            if (!records.hasNextValue()) {
                return new Spreadsheet(header, rows);
            }
            header = Arrays.asList(records.nextValue());
            while (records.hasNextValue()) {
                line++;
                try {
                    List<String> cells = Arrays.asList(records.nextValue());
                    if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                        rows.add(new Spreadsheet.Cells(line, cells));
                    }
                } catch (RuntimeException unreadable) {
                    rows.add(new Spreadsheet.Unreadable(line, "row " + line + ": " + unreadable.getMessage()));
                }
            }
        } catch (IOException | RuntimeException malformed) {
            rows.add(new Spreadsheet.Unreadable(line + 1, "the CSV cannot be read past row " + line + ": "
                    + malformed.getClass().getSimpleName()));
        }
        return new Spreadsheet(header, rows);
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

    static String withoutByteOrderMark(String body) {
        return body.startsWith(BYTE_ORDER_MARK) ? body.substring(BYTE_ORDER_MARK.length()) : body;
    }
}
