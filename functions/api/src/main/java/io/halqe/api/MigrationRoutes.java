package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.migration.ImportDelighted;
import java.util.Locale;

/** Moving from another tool: a Delighted responses export into a survey, as historical answers. */
record MigrationRoutes(ImportDelighted delighted) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.post("/api/surveys/{surveyId}/import/delighted", this::importDelighted);
    }

    /** A CSV body; the answer is a per-row report (200 even when some rows failed). */
    private APIGatewayV2HTTPResponse importDelighted(HttpRequest request) {
        String surveyId = request.pathParameter("surveyId");
        if (request.bodyLength() > CustomerRoutes.MAX_IMPORT_BYTES) {
            return HttpResponses.error(413, "payload_too_large", "an import is at most " + CustomerRoutes.MAX_IMPORT_BYTES
                    + " bytes; split the export (each part imports on its own, in any order)");
        }
        if (!request.header("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            return HttpResponses.error(415, "unsupported_media_type", "send the Delighted responses export as text/csv");
        }
        return switch (delighted.importSheet(surveyId, CsvSheets.read(request.body()), request.receivedAt())) {
            case ImportDelighted.Outcome.Imported imported -> HttpResponses.json(200, imported.report());
            case ImportDelighted.Outcome.SurveyNotFound notFound -> HttpResponses.error(404, "survey_not_found",
                    "there is no survey " + notFound.surveyId() + "; create it with an NPS and a text question first");
            case ImportDelighted.Outcome.Refused refused -> HttpResponses.error(400, "invalid_export",
                    refused.problem().describe(), refused.problem().field());
            case ImportDelighted.Outcome.TooManyRows tooMany -> HttpResponses.error(413, "too_many_rows",
                    "an import holds at most " + ImportDelighted.MAX_ROWS + " answers and this file has "
                            + tooMany.rows() + "; split it (each part imports on its own, in any order)", "rows");
        };
    }
}
