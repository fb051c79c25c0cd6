package io.halqe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.halqe.aws.json.Json;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.NpsCategory;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.survey.QuestionType;
import io.halqe.domain.survey.Survey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportRowsTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final Survey SURVEY = survey();

    @Test
    void csvLine_shouldNeutraliseFormulaCells_butLeaveComputedNumbers() throws Exception {
        // GIVEN an answer whose comment, hidden field and customer name a spreadsheet would run as formulas
        Response answer = answer("=HYPERLINK(\"http://evil.example\")", Map.of("orderId", "@SUM(A1:A9)"),
                "+98 Persian Name", -0.75);
        // WHEN it is written as a CSV line under the survey's header
        List<String> header = cells(new ExportRows.Csv(SURVEY).start().substring(1));
        List<String> line = cells(new ExportRows.Csv(SURVEY).line(answer));
        // THEN every formula-looking text starts with an apostrophe, and the sentiment score stays a number
        assertThat(line).hasSameSizeAs(header);
        Map<String, String> row = zip(header, line);
        assertThat(row).containsEntry("answer.comment", "'=HYPERLINK(\"http://evil.example\")")
                .containsEntry("comment", "'=HYPERLINK(\"http://evil.example\")")
                .containsEntry("hidden.orderId", "'@SUM(A1:A9)")
                .containsEntry("customer.name", "'+98 Persian Name")
                .containsEntry("sentimentScore", "-0.75")
                .containsEntry("npsScore", "2")
                .containsEntry("npsCategory", "detractor")
                .containsEntry("themes", "delivery; price");
    }

    @Test
    void neutralised_shouldPrefixEveryFormulaStart_andNothingElse() {
        // GIVEN texts starting with each character a spreadsheet reads as a formula, and ordinary ones
        // WHEN neutralised
        // THEN only the first kind gain an apostrophe
        for (String formula : List.of("=1+1", "+1", "-1", "@cmd", "\tcmd", "\rcmd")) {
            assertThat(ExportRows.Csv.neutralised(formula)).isEqualTo("'" + formula);
        }
        for (String ordinary : List.of("", "ok", "1-2", "ارسال دیر بود", "a=b")) {
            assertThat(ExportRows.Csv.neutralised(ordinary)).isEqualTo(ordinary);
        }
    }

    @Test
    void csvLine_shouldKeepEveryColumn_whenTheAnswerHasNoAnalysisYet() throws Exception {
        // GIVEN an answer not yet enriched, without a comment
        Response received = Response.received("shop.r2", "shop", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 9)),
                "en", AT);
        // WHEN written as a CSV line
        List<String> header = cells(new ExportRows.Csv(SURVEY).start().substring(1));
        Map<String, String> row = zip(header, cells(new ExportRows.Csv(SURVEY).line(received)));
        // THEN the empty cells hold their places
        assertThat(row).containsEntry("answer.nps", "9").containsEntry("status", "received")
                .containsEntry("sentiment", "").containsEntry("customer.email", "").containsEntry("hidden.orderId", "");
    }

    @Test
    void escapedBytes_shouldWeighTextAsAJsonStringInUtf8() throws Exception {
        // GIVEN text with quotes, line ends, a control character, Persian letters and an emoji
        String text = "a\"b\n\u0001سلام😀";
        // WHEN weighed
        // THEN it is what Jackson writes inside the quotes of a JSON string
        assertThat(JsonText.escapedBytes(text)).isEqualTo(Json.write(text).getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 2);
    }

    private static Map<String, String> zip(List<String> header, List<String> line) {
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), line.get(i));
        }
        return row;
    }

    private static List<String> cells(String csv) throws Exception {
        try (var lines = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class)
                .with(CsvSchema.emptySchema()).<String[]>readValues(csv)) {
            return List.of(lines.next());
        }
    }

    private static Response answer(String comment, Map<String, String> hidden, String customerName, double sentiment) {
        CustomerProfile customer = new CustomerProfile("c1", customerName, "c1@example.com", null, "smb", "pro", 1200.0,
                "EU", null, "en", null, Map.of(), AT);
        Enrichment enrichment = new Enrichment(2, NpsCategory.DETRACTOR, comment, "en", 3, "negative", sentiment,
                List.of("delivery", "price"), "complaint", List.of("late delivery"), List.of(), customer,
                List.of("support"), List.of("o@example.com"), null, AT, List.of("support"));
        return new Response("shop.r1", "shop", 1, Map.of("nps", new Answer.Score(QuestionType.NPS, 2),
                "comment", new Answer.Text(comment)), "en", AT, ResponseStatus.ENRICHED, enrichment, hidden, "c1", null, false);
    }

    private static Survey survey() {
        try {
            return Json.MAPPER.readValue("""
                    {"id":"shop","version":1,"name":"Shop","kind":"relationship","defaultLanguage":"en","languages":["en"],
                     "hiddenFields":["orderId"],
                     "questions":[{"id":"nps","type":"nps","required":true,"text":{"en":"Recommend us?"}},
                                  {"id":"comment","type":"text","text":{"en":"Why?"}}]}""", Survey.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
