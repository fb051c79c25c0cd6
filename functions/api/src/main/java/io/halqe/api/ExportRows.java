package io.halqe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.halqe.aws.json.Json;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.response.Answer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.response.Response;
import io.halqe.domain.survey.Question;
import io.halqe.domain.survey.Survey;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One answer as a line of an export: NDJSON (the API's own view of it) or CSV (a column per field, question, customer
 * field and hidden field of the survey). A CSV page is a file of its own — Excel's byte-order mark, then the header —
 * and every text cell that a spreadsheet would read as a formula ({@code = + - @}, a tab or a carriage return first)
 * is neutralised with a leading apostrophe, as OWASP advises; numbers Halqe computed are left as numbers.
 */
sealed interface ExportRows {

    String contentType();

    String extension();

    /** What a page starts with. */
    String start();

    String line(Response response);

    static ExportRows of(String format, Survey survey) {
        return switch (format) {
            case "csv" -> new Csv(survey);
            case "ndjson" -> new Ndjson();
            default -> throw new io.halqe.aws.http.HttpProblem(400, "invalid_format", "format must be csv or ndjson",
                    "format");
        };
    }

    record Ndjson() implements ExportRows {
        @Override
        public String contentType() {
            return "application/x-ndjson; charset=utf-8";
        }

        @Override
        public String extension() {
            return "ndjson";
        }

        @Override
        public String start() {
            return "";
        }

        @Override
        public String line(Response response) {
            return Json.write(Views.of(response)) + "\n";
        }
    }

    final class Csv implements ExportRows {

        private static final ObjectWriter WRITER = new CsvMapper().writerFor(Object[].class)
                .with(CsvSchema.emptySchema().withLineSeparator("\r\n"));
        private static final String LIST_SEPARATOR = "; ";

        private final List<String> header = new ArrayList<>();
        private final List<Function<Response, Object>> cells = new ArrayList<>();

        Csv(Survey survey) {
            column("responseId", Response::id);
            column("surveyId", Response::surveyId);
            column("surveyVersion", Response::surveyVersion);
            column("submittedAt", response -> response.submittedAt().toString());
            column("status", response -> response.status().name().toLowerCase(java.util.Locale.ROOT));
            column("partial", Response::partial);
            column("language", response -> response.enrichment() == null ? response.language()
                    : response.enrichment().language());
            for (Question question : survey.questions()) {
                column("answer." + question.id(), response -> answer(response.answers().get(question.id())));
            }
            analysis("npsScore", Enrichment::npsScore);
            analysis("npsCategory", enrichment -> enrichment.npsCategory() == null ? null
                    : enrichment.npsCategory().wireName());
            analysis("comment", Enrichment::comment);
            analysis("sentiment", Enrichment::sentiment);
            analysis("sentimentScore", Enrichment::sentimentScore);
            analysis("themes", enrichment -> joined(enrichment.themes()));
            analysis("feedbackType", Enrichment::feedbackType);
            analysis("keyPhrases", enrichment -> joined(enrichment.keyPhrases()));
            analysis("touchpoint", Enrichment::touchpoint);
            analysis("teams", enrichment -> joined(enrichment.teams()));
            analysis("owningTeams", enrichment -> joined(enrichment.owningTeams()));
            analysis("owners", enrichment -> joined(enrichment.owners()));
            analysis("enrichedAt", enrichment -> enrichment.enrichedAt().toString());
            column("customerId", Response::customerId);
            column("invitationId", Response::invitationId);
            customer("name", CustomerProfile::name);
            customer("email", CustomerProfile::email);
            customer("phone", CustomerProfile::phone);
            customer("segment", CustomerProfile::segment);
            customer("plan", CustomerProfile::plan);
            customer("lifetimeValue", CustomerProfile::lifetimeValue);
            customer("region", CustomerProfile::region);
            customer("accountOwner", CustomerProfile::accountOwner);
            customer("language", CustomerProfile::language);
            for (String field : survey.hiddenFields()) {
                column("hidden." + field, response -> response.hidden().get(field));
            }
        }

        @Override
        public String contentType() {
            return "text/csv; charset=utf-8";
        }

        @Override
        public String extension() {
            return "csv";
        }

        @Override
        public String start() {
            return "\uFEFF" + write(header.toArray());
        }

        @Override
        public String line(Response response) {
            return write(cells.stream().map(cell -> cell.apply(response)).toArray());
        }

        private void column(String name, Function<Response, Object> cell) {
            header.add(name);
            cells.add(cell);
        }

        private void analysis(String name, Function<Enrichment, Object> cell) {
            column(name, response -> response.enrichment() == null ? null : cell.apply(response.enrichment()));
        }

        private void customer(String name, Function<CustomerProfile, Object> cell) {
            column("customer." + name, response -> response.enrichment() == null
                    || response.enrichment().customer() == null ? null : cell.apply(response.enrichment().customer()));
        }

        private static Object answer(Answer answer) {
            return switch (answer) {
                case null -> null;
                case Answer.Score score -> score.value();
                case Answer.Text text -> text.value();
                case Answer.Choices choices -> joined(choices.values());
            };
        }

        private static String joined(Collection<String> values) {
            return values == null ? null : String.join(LIST_SEPARATOR, values);
        }

        private static String write(Object[] row) {
            Object[] safe = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                // an empty cell must still take its place: the writer skips a null altogether
                safe[i] = row[i] == null ? "" : row[i] instanceof String text ? neutralised(text) : row[i];
            }
            try {
                return WRITER.writeValueAsString(safe);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A cell a spreadsheet would run as a formula, made text. */
        static String neutralised(String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
    }
}
