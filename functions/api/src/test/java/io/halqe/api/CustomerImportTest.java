package io.halqe.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Problem;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.ManageCustomers.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerImportTest {

    @Test
    void csv_shouldReadEveryRow_whenExcelWroteAByteOrderMarkAndCapitalisedHeaders() {
        // GIVEN Excel's "CSV UTF-8": a byte-order mark, CRLF line ends, Email,Name,Id headers
        String excel = "\uFEFFEmail,Name,Id\r\nsara@example.com,سارا,c-1\r\nomar@example.com,Omar,\r\n";
        // WHEN it is read
        List<Row> rows = CustomerImport.csv(excel);
        // THEN the first header is the email, not an attribute named "\uFEFFEmail", and no row is unreadable
        assertThat(rows).extracting(Row::number).containsExactly(2, 3);
        assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
        assertThat(rows.get(0).profile()).satisfies(sara -> {
            assertThat(sara.id()).isEqualTo("c-1");
            assertThat(sara.email()).isEqualTo("sara@example.com");
            assertThat(sara.name()).isEqualTo("سارا");
            assertThat(sara.attributes()).isEmpty();
        });
        assertThat(rows.get(1).profile().id()).isNull();
    }

    @Test
    void csv_shouldSplitOnTheHeadersSeparator_whenExcelWroteSemicolons() {
        // GIVEN a CSV from a locale whose list separator is ';', with a comma inside a value
        List<Row> rows = CustomerImport.csv("Customer ID;Full Name;LTV\nc-1;Doe, Jane;12.5\n");
        // WHEN it is read THEN the columns are the header's
        CustomerProfile jane = rows.get(0).profile();
        assertThat(jane.id()).isEqualTo("c-1");
        assertThat(jane.name()).isEqualTo("Doe, Jane");
        assertThat(jane.lifetimeValue()).isEqualTo(12.5);
    }

    @Test
    void csv_shouldSkipEmptyRows_andKeepTheSpreadsheetsRowNumbers() {
        // GIVEN an empty line and a row of empty cells between two people, as spreadsheets leave them
        List<Row> rows = CustomerImport.csv("id,name\nc-1,Sara\n\n,\nc-4,Omar\n");
        // WHEN it is read THEN only the people are rows, numbered as the spreadsheet shows them
        assertThat(rows).extracting(Row::number).containsExactly(2, 5);
    }

    @Test
    void csv_shouldReadItsPeopleOnly_whenTheFileIsADelightedResponsesExport() {
        // GIVEN a Delighted responses export: a quoted comment over two lines, a date column and a custom property
        String export = "Response ID,Score,Comment,Email,Response timestamp,Country\n"
                + "4401,3,\"Late,\nagain\",sara@example.com,1713418460,IR\n";
        // WHEN it is read as a people file
        List<Row> rows = CustomerImport.csv(export);
        // THEN its one row is the person, with the custom property and none of the answer's columns
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.profile().email()).isEqualTo("sara@example.com");
            assertThat(row.profile().attributes()).containsOnlyKeys("Country");
        });
    }

    @Test
    void csv_shouldReadTabSeparatedQuotedCells_andReportWhereAFileBreaksOff() {
        // GIVEN a tab-separated file whose last quoted cell is never closed
        List<Row> rows = CustomerImport.csv("id\tname\nc-1\t\"Doe\tJane\"\nc-2\t\"Omar\n");
        // WHEN it is read THEN the first row is whole and the break is a row of its own
        assertThat(rows.get(0).profile().name()).isEqualTo("Doe\tJane");
        assertThat(rows.get(rows.size() - 1).profile()).isNull();
        assertThat(rows.get(rows.size() - 1).problems().get(0).message()).contains("cannot be read");
    }

    @Test
    void ndjson_shouldReadTheFirstLine_whenTheBodyStartsWithAByteOrderMark() {
        // GIVEN NDJSON saved by an editor that writes a byte-order mark
        List<Row> rows = CustomerImport.ndjson("\uFEFF{\"id\":\"n-1\",\"name\":\"One\"}\n{\"email\":\"two@example.com\"}\n");
        // WHEN it is read THEN both lines are profiles
        assertThat(rows).extracting(row -> row.profile().id()).containsExactly("n-1", null);
        assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    }

    @Test
    void ndjson_shouldReportEachFieldOfTheWrongType_andStillReadTheOthers() {
        // GIVEN a line whose lifetime value and update time are of the wrong type
        List<Row> rows = CustomerImport.ndjson("""
                {"id":"n-1","email":"one@example.com","lifetimeValue":"lots","updatedAt":"yesterday"}
                [1,2]
                """);
        // WHEN it is read THEN each wrong field is a problem, the rest of the profile is read
        assertThat(rows.get(0).problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("lifetimeValue", "updatedAt");
        assertThat(rows.get(0).profile().email()).isEqualTo("one@example.com");
        // AND a line that is no object is unreadable, with no profile
        assertThat(rows.get(1).profile()).isNull();
        assertThat(rows.get(1).problems()).extracting(Problem::message).containsExactly("line 2 is not a customer JSON object");
    }
}
