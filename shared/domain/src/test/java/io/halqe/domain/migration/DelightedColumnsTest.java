package io.halqe.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelightedColumnsTest {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private static DelightedColumns.Row only(List<String> header, List<String> cells) {
        return DelightedColumns.of(header, TEHRAN).row(2, cells);
    }

    private static Instant givenAt(String written) {
        return only(List.of("Response ID", "Score", "Created At"), List.of("r-1", "9", written)).givenAt();
    }

    @Test
    void row_shouldReadTheAnswerAndThePerson_whenTheHeadersAreDelightedsInAnyCaseOrPunctuation() {
        // GIVEN a responses export whose headers are written as Delighted and spreadsheets write them
        List<String> header = List.of("response_id", "SCORE", "Comment", "E-mail", "Name", "Response timestamp",
                "Permalink", "Tags", "Notes", "Delighted Source", "Country");
        // WHEN a row is read
        DelightedColumns.Row row = only(header, List.of("4401", " 3 ", "Late, \"again\"\nand again", "Sara@Example.com",
                "Sara", "1713418460", "https://delighted.com/r/a", "late", "called her", "Email", "IR"));
        // THEN the answer's fields are the answer's, and the person is named by their canonical email
        assertThat(row.problems()).isEmpty();
        assertThat(row.responseId()).isEqualTo("4401");
        assertThat(row.score()).isEqualTo(3);
        assertThat(row.comment()).isEqualTo("Late, \"again\"\nand again");
        assertThat(row.givenAt()).isEqualTo(Instant.ofEpochSecond(1713418460));
        assertThat(row.person().id()).isEqualTo("sara@example.com");
        assertThat(row.person().name()).isEqualTo("Sara");
        // AND the person keeps only the person's columns: a custom property, none of the answer's own
        assertThat(row.person().attributes()).containsExactly(Map.entry("Country", "IR"));
    }

    @Test
    void givenAt_shouldReadUnixTimesAndWrittenDates_andAZonelessOneInTheReportingZone() {
        // GIVEN the date forms exports and spreadsheets write WHEN each is read THEN it is the instant it names
        assertThat(givenAt("1713418460")).isEqualTo(Instant.parse("2024-04-18T05:34:20Z"));
        assertThat(givenAt("1713418460123")).isEqualTo(Instant.parse("2024-04-18T05:34:20.123Z"));
        assertThat(givenAt("2026-03-01T10:00:00Z")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(givenAt("2026-03-01T10:00:00+03:30")).isEqualTo(Instant.parse("2026-03-01T06:30:00Z"));
        assertThat(givenAt("2026-03-01 10:00:00 -0700")).isEqualTo(Instant.parse("2026-03-01T17:00:00Z"));
        assertThat(givenAt("2026-03-01 10:00:00 UTC")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        // a time or a date without an offset is the reporting zone's (Tehran is +03:30)
        assertThat(givenAt("2026-03-01 10:00")).isEqualTo(Instant.parse("2026-03-01T06:30:00Z"));
        assertThat(givenAt("2026-03-01")).isEqualTo(Instant.parse("2026-02-28T20:30:00Z"));
    }

    @Test
    void row_shouldReportEveryProblemNamingItsField_andTheColumnAsTheFileCallsIt() {
        // GIVEN a row with no Response ID, a score out of range, a US-style date and a bad email
        List<String> header = List.of("Response ID", "Score", "Date", "Email");
        // WHEN it is read
        DelightedColumns.Row row = only(header, List.of("", "11", "3/1/2026", "not-an-email"));
        // THEN each problem names its field, and the message the column
        assertThat(row.problems()).extracting(Problem::field)
                .containsExactly("responseId", "score", "createdAt", "email");
        assertThat(row.problems().get(1).describe()).isEqualTo(
                "score must be a whole number from 0 to 10 (column Score), not 11");
        assertThat(row.problems().get(2).message()).contains("(column Date)", "not 3/1/2026");
    }

    @Test
    void score_shouldBeRefused_whenItIsNotAWholeNumber_andReadInPersianDigits() {
        // GIVEN scores as people type them WHEN read THEN only whole numbers 0-10 are scores
        List<String> header = List.of("Response ID", "Score", "Created At");
        assertThat(only(header, List.of("r", "۷", "2026-03-01")).score()).isEqualTo(7);
        assertThat(only(header, List.of("r", "7.5", "2026-03-01")).problems()).extracting(Problem::field)
                .containsExactly("score");
        assertThat(only(header, List.of("r", "-1", "2026-03-01")).problems()).extracting(Problem::field)
                .containsExactly("score");
        assertThat(only(header, List.of("r", "", "2026-03-01")).problems()).extracting(Problem::field)
                .containsExactly("score");
    }

    @Test
    void row_shouldNameNoPerson_whenTheRowHasNoEmailOrPhone() {
        // GIVEN an anonymous web answer WHEN read THEN it names no one
        DelightedColumns.Row row = only(List.of("Response ID", "Score", "Created At", "Email", "Name"),
                List.of("r-9", "10", "2026-03-01", "", "A visitor"));
        assertThat(row.problems()).isEmpty();
        assertThat(row.person()).isNull();
    }

    @Test
    void missing_shouldNameTheRequiredColumn_whenTheHeaderIsNotAResponsesExport() {
        // GIVEN a people export (no answers) and one without dates WHEN checked THEN the missing field is named
        assertThat(DelightedColumns.missing(List.of("email", "name"))).hasValueSatisfying(problem ->
                assertThat(problem.field()).isEqualTo("responseId"));
        assertThat(DelightedColumns.missing(List.of("Response ID", "Score", "Comment"))).hasValueSatisfying(problem -> {
            assertThat(problem.field()).isEqualTo("createdAt");
            assertThat(problem.message()).contains("Response timestamp");
        });
        assertThat(DelightedColumns.missing(List.of("Response ID", "Score", "Created At"))).isEmpty();
    }

    @Test
    void answerColumns_shouldBeNone_whenTheHeaderIsAPeopleFile() {
        // GIVEN a people file with a Date column of its own WHEN its answer columns are asked for THEN there are none:
        // every column of it is the person's
        assertThat(DelightedColumns.answerColumns(List.of("Email", "Date", "Notes"))).isEmpty();
        assertThat(DelightedColumns.answerColumns(List.of("Response ID", "Score", "Email", "Date", "Notes")))
                .containsExactlyInAnyOrder("responseid", "score", "date", "notes");
    }
}
