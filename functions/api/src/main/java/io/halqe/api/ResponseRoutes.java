package io.halqe.api;

import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.response.ResponseRepository;

/** Responses: one by id, and a survey's, newest first, paged. */
record ResponseRoutes(ResponseRepository responses) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.get("/api/responses/{responseId}", request -> {
                    String responseId = request.pathParameter("responseId");
                    return responses.find(responseId).map(found -> HttpResponses.json(200, Views.of(found)))
                            .orElseGet(() -> HttpResponses.error(404, "response_not_found", "there is no response " + responseId));
                })
                .get("/api/surveys/{surveyId}/responses", request -> {
                    var page = responses.listBySurvey(request.pathParameter("surveyId"), Queries.limit(request),
                            Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items().stream().map(Views::of).toList(), page.next()));
                });
    }

}
