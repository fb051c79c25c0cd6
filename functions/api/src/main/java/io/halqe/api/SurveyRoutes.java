package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.survey.ManageSurveys;
import io.halqe.domain.survey.PreviewSurveys;
import io.halqe.domain.survey.Survey;
import java.util.LinkedHashMap;
import java.util.Map;

/** Survey definitions: list, create, read, a new version on PUT, the versions, and a draft's preview. */
record SurveyRoutes(ManageSurveys surveys, PreviewSurveys previews) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.get("/api/surveys", request -> {
                    var page = surveys.list(Queries.limit(request), Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items(), page.next()));
                })
                .post("/api/surveys", request -> saved(surveys.create(body(request, Survey.class)), 201))
                .get("/api/surveys/{surveyId}", request -> HttpResponses.json(200, existing(surveys, request)))
                .put("/api/surveys/{surveyId}", request ->
                        saved(surveys.update(request.pathParameter("surveyId"), body(request, Survey.class)), 200))
                .get("/api/surveys/{surveyId}/versions", request -> {
                    var versions = surveys.versions(existing(surveys, request).id(), Queries.limit(request));
                    return HttpResponses.json(200, Views.page(versions, null));
                })
                .post("/api/surveys/preview", request ->
                        switch (previews.preview(body(request, Survey.class), request.receivedAt())) {
                            case PreviewSurveys.Outcome.Ready ready -> HttpResponses.json(201, previewView(ready));
                            case PreviewSurveys.Outcome.Invalid invalid ->
                                    throw HttpProblem.invalid("invalid_survey", invalid.problem());
                        });
    }

    /** Where the hosted page shows the draft, in each of its languages (relative: the console is on the same host). */
    private static Map<String, Object> previewView(PreviewSurveys.Outcome.Ready ready) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String language : ready.survey().languages()) {
            pages.put(language, "/s/" + ready.survey().id() + "?preview=" + ready.previewId() + "&lang=" + language);
        }
        return Map.of("previewId", ready.previewId(), "version", ready.survey().version(),
                "expiresAt", ready.expiresAt().toString(), "pages", pages);
    }

    /** The survey the path names; a 404 when there is none. */
    static Survey existing(ManageSurveys surveys, io.halqe.aws.http.HttpRequest request) {
        String surveyId = request.pathParameter("surveyId");
        return surveys.get(surveyId).orElseThrow(() ->
                new HttpProblem(404, "survey_not_found", "there is no survey " + surveyId, null));
    }

    private static APIGatewayV2HTTPResponse saved(ManageSurveys.Outcome outcome, int createdStatus) {
        return saved(outcome, createdStatus, "invalid_survey", survey -> survey);
    }

    /** An edit's outcome as the API answers it: {@code view} of the saved survey, or what went wrong. */
    static APIGatewayV2HTTPResponse saved(ManageSurveys.Outcome outcome, int createdStatus, String invalidCode,
                                          java.util.function.Function<Survey, Object> view) {
        return switch (outcome) {
            case ManageSurveys.Outcome.Saved saved -> HttpResponses.json(createdStatus, view.apply(saved.survey()));
            case ManageSurveys.Outcome.Invalid invalid -> throw HttpProblem.invalid(invalidCode, invalid.problem());
            case ManageSurveys.Outcome.Exists exists -> HttpResponses.error(409, "survey_exists",
                    "survey " + exists.surveyId() + " exists; PUT /api/surveys/" + exists.surveyId() + " makes a new version");
            case ManageSurveys.Outcome.NotFound notFound -> HttpResponses.error(404, "survey_not_found",
                    "there is no survey " + notFound.surveyId());
            case ManageSurveys.Outcome.Conflict conflict -> HttpResponses.error(409, "edit_conflict",
                    "survey " + conflict.surveyId() + " changed meanwhile; read it again and retry");
        };
    }
}
