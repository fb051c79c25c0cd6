package io.halqe.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Spreadsheet;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.fakes.InMemoryDirectory;
import io.halqe.domain.fakes.InMemoryResponses;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseIds;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.DemoSurveys;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportDelightedTest {

    private static final Instant NOW = Instant.parse("2026-06-20T12:00:00Z");
    private static final List<String> HEADER = List.of("Response ID", "Score", "Comment", "Email", "Name", "Created At");

    private final InMemorySurveys surveys = new InMemorySurveys(DemoSurveys.demoNps());
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final ImportDelighted imports = new ImportDelighted(surveys, responses, directory, ZoneOffset.UTC, 2);

    private static Spreadsheet sheet(List<String> header, List<String>... rows) {
        List<Spreadsheet.Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            lines.add(new Spreadsheet.Cells(i + 2, rows[i]));
        }
        return new Spreadsheet(header, lines);
    }

    private ImportDelighted.Report imported(Spreadsheet sheet) {
        var outcome = imports.importSheet("demo-nps", sheet, NOW);
        assertThat(outcome).isInstanceOf(ImportDelighted.Outcome.Imported.class);
        return ((ImportDelighted.Outcome.Imported) outcome).report();
    }

    @Test
    void importSheet_shouldStoreEachRowAsAHistoricalAnswerDatedWhenGiven_andFillInItsPerson() {
        // GIVEN an export of two answers by one person, the older one with a Persian comment
        Spreadsheet export = sheet(HEADER,
                List.of("d-1", "2", "بسته دیر رسید", "Sara@Example.com", "Sara", "2026-03-01T08:00:00Z"),
                List.of("d-2", "9", "", "sara@example.com", "Sara K.", "2026-05-01T08:00:00Z"));
        // WHEN it is imported
        ImportDelighted.Report report = imported(export);
        // THEN both are created, and one person is named
        assertThat(report).isEqualTo(new ImportDelighted.Report(2, 2, 0, 0, 1, List.of()));
        // AND each answer has the id its Response ID gives, its own date, its score and comment, and the mark
        Response first = responses.stored.get(ResponseIds.named("demo-nps", "delighted:d-1"));
        assertThat(first.historical()).isTrue();
        assertThat(first.status()).isEqualTo(ResponseStatus.RECEIVED);
        assertThat(first.submittedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(first.answers()).isEqualTo(Map.of("nps", new Answer.Score(QuestionType.NPS, 2),
                "comment", new Answer.Text("بسته دیر رسید")));
        assertThat(first.customerId()).isEqualTo("sara@example.com");
        assertThat(first.invitationId()).isNull();
        Response second = responses.stored.get(ResponseIds.named("demo-nps", "delighted:d-2"));
        assertThat(second.answers()).containsOnlyKeys("nps");
        // AND the person is in the directory as their newest row has them
        assertThat(directory.find("sara@example.com")).hasValueSatisfying(sara ->
                assertThat(sara.name()).isEqualTo("Sara K."));
    }

    @Test
    void importSheet_shouldChangeNothing_whenTheSameExportIsImportedAgain() {
        // GIVEN an export imported once
        Spreadsheet export = sheet(HEADER, List.of("d-1", "2", "late", "a@example.com", "A", "2026-03-01T08:00:00Z"),
                List.of("d-2", "10", "great", "", "", "2026-03-02T08:00:00Z"));
        imported(export);
        Map<String, Response> before = Map.copyOf(responses.stored);
        // WHEN it is imported again
        ImportDelighted.Report again = imported(export);
        // THEN every row is unchanged and the answers are those stored the first time
        assertThat(again).isEqualTo(new ImportDelighted.Report(2, 0, 2, 0, 1, List.of()));
        assertThat(responses.stored).isEqualTo(before);
    }

    @Test
    void importSheet_shouldReportBadRowsAndStoreTheRest_withNothingOfABadRowStored() {
        // GIVEN a score out of range, a date in the future, an unreadable row, and a good row
        List<Spreadsheet.Line> lines = List.of(
                new Spreadsheet.Cells(2, List.of("d-1", "11", "", "bad@example.com", "Bad", "2026-03-01T08:00:00Z")),
                new Spreadsheet.Cells(3, List.of("d-2", "5", "", "later@example.com", "", "2026-07-01T08:00:00Z")),
                new Spreadsheet.Unreadable(4, "row 4: unexpected end of quoted text"),
                new Spreadsheet.Cells(5, List.of("d-4", "7", "ok", "good@example.com", "", "2026-03-01T08:00:00Z")));
        // WHEN imported
        ImportDelighted.Report report = imported(new Spreadsheet(HEADER, lines));
        // THEN the bad rows are reported by row and field, and the good one is stored
        assertThat(report.rows()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.errors()).extracting(ImportDelighted.RowError::row, ImportDelighted.RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "score"),
                        org.assertj.core.groups.Tuple.tuple(3, "createdAt"),
                        org.assertj.core.groups.Tuple.tuple(4, null));
        assertThat(report.errors().get(1).message()).contains("in the future");
        assertThat(responses.stored).hasSize(1);
        // AND the bad rows' people are not in the directory
        assertThat(directory.find("bad@example.com")).isEmpty();
        assertThat(directory.find("later@example.com")).isEmpty();
        assertThat(directory.find("good@example.com")).isPresent();
    }

    @Test
    void importSheet_shouldKeepTheStoredAnswer_andSaySo_whenAResponseIdComesBackWithAnotherScore() {
        // GIVEN an answer imported before
        imported(sheet(HEADER, List.of("d-1", "2", "late", "", "", "2026-03-01T08:00:00Z")));
        // WHEN the same Response ID comes with another score
        ImportDelighted.Report report = imported(sheet(HEADER, List.of("d-1", "9", "late", "", "", "2026-03-01T08:00:00Z")));
        // THEN it is reported against the Response ID, and the first answer stays
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("responseId"));
        assertThat(responses.stored.values()).singleElement().satisfies(kept ->
                assertThat(kept.answers().get("nps")).isEqualTo(new Answer.Score(QuestionType.NPS, 2)));
    }

    @Test
    void importSheet_shouldStoreARepeatedResponseIdOnce_andReportItOnlyWhenItsAnswerDiffers() {
        // GIVEN an export that repeats one answer as it was, and another with a changed score
        Spreadsheet export = sheet(HEADER, List.of("d-1", "2", "late", "", "", "2026-03-01T08:00:00Z"),
                List.of("d-1", "2", "late", "", "", "2026-03-01T08:00:00Z"),
                List.of("d-2", "6", "", "", "", "2026-03-02T08:00:00Z"),
                List.of("d-2", "7", "", "", "", "2026-03-02T08:00:00Z"));
        // WHEN it is imported
        ImportDelighted.Report report = imported(export);
        // THEN each answer is stored once, as its first row has it, and only the changed repeat is reported
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(5);
            assertThat(error.field()).isEqualTo("responseId");
        });
        assertThat(responses.stored.get(ResponseIds.named("demo-nps", "delighted:d-2")).answers().get("nps"))
                .isEqualTo(new Answer.Score(QuestionType.NPS, 6));
    }

    @Test
    void importSheet_shouldNeverOverwriteTheDirectory_whenThePersonIsKnown() {
        // GIVEN a person the CRM keeps, with their own name
        directory.upsert(new CustomerProfile("sara@example.com", "Sara Karimi", "sara@example.com", null, "smb", "pro",
                null, null, null, "fa", null, Map.of(), NOW.minusSeconds(60)));
        // WHEN an export names them otherwise
        imported(sheet(HEADER, List.of("d-1", "2", "", "sara@example.com", "S.", "2026-03-01T08:00:00Z")));
        // THEN the CRM's name stays, and the answer is theirs
        assertThat(directory.find("sara@example.com").orElseThrow().name()).isEqualTo("Sara Karimi");
        assertThat(responses.stored.values()).singleElement().satisfies(answer ->
                assertThat(answer.customerId()).isEqualTo("sara@example.com"));
    }

    @Test
    void importSheet_shouldRefuseTheWholeFile_whenTheSurveyHasNoQuestionForItsScoresOrComments() {
        // GIVEN a survey with a text question only, and one with an NPS question only
        Survey demo = DemoSurveys.demoNps();
        surveys.save(new Survey("text-only", 1, demo.name(), demo.kind(), "en", demo.languages(),
                List.of(demo.questions().get(1)), List.of(), false, null, List.of(), Map.of(), Map.of(), List.of(), null,
                null, null, null));
        surveys.save(new Survey("nps-only", 1, demo.name(), demo.kind(), "en", demo.languages(),
                List.of(demo.questions().get(0)), List.of(), false, null, List.of(), Map.of(), Map.of(), List.of(), null,
                null, null, null));
        Spreadsheet export = sheet(HEADER, List.of("d-1", "2", "late", "", "", "2026-03-01T08:00:00Z"));
        // WHEN the export is imported into each THEN each is refused naming the field without a home, storing nothing
        assertThat(imports.importSheet("text-only", export, NOW)).isInstanceOfSatisfying(
                ImportDelighted.Outcome.Refused.class, refused -> assertThat(refused.problem().field()).isEqualTo("score"));
        assertThat(imports.importSheet("nps-only", export, NOW)).isInstanceOfSatisfying(
                ImportDelighted.Outcome.Refused.class, refused -> assertThat(refused.problem().field()).isEqualTo("comment"));
        assertThat(responses.stored).isEmpty();
        // AND one without comments goes into the NPS-only survey
        assertThat(imports.importSheet("nps-only", sheet(HEADER, List.of("d-1", "2", "", "", "", "2026-03-01")), NOW))
                .isInstanceOf(ImportDelighted.Outcome.Imported.class);
    }

    @Test
    void importSheet_shouldStoreNothing_whenTheFileHasTooManyRowsOrIsNotAResponsesExport() {
        // GIVEN one row more than a request may hold
        List<Spreadsheet.Line> lines = new ArrayList<>();
        for (int i = 0; i <= ImportDelighted.MAX_ROWS; i++) {
            lines.add(new Spreadsheet.Cells(i + 2, List.of("d-" + i, "9", "", "", "", "2026-03-01")));
        }
        // WHEN imported THEN it is refused whole, naming the limit
        assertThat(imports.importSheet("demo-nps", new Spreadsheet(HEADER, lines), NOW))
                .isEqualTo(new ImportDelighted.Outcome.TooManyRows(ImportDelighted.MAX_ROWS + 1));
        // AND a people export is no responses export; an unknown survey is not found
        assertThat(imports.importSheet("demo-nps", sheet(List.of("email", "name"), List.of("a@example.com", "A")), NOW))
                .isInstanceOf(ImportDelighted.Outcome.Refused.class);
        assertThat(imports.importSheet("nope", sheet(HEADER), NOW))
                .isEqualTo(new ImportDelighted.Outcome.SurveyNotFound("nope"));
        assertThat(responses.stored).isEmpty();
    }
}
