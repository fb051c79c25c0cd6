package io.halqe.api;

import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;

/** Responses: one by id, and a survey's, newest first, paged. */
record ResponseRoutes(ResponseRepository responses) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.get("/api/responses/{responseId}", request -> {
                    String responseId = request.pathParameter("responseId");
                    return responses.find(responseId).filter(found -> visible(request, found))
                            .map(found -> HttpResponses.json(200, Views.of(found)))
                            .orElseGet(() -> HttpResponses.error(404, "response_not_found", "there is no response " + responseId));
                })
                .get("/api/surveys/{surveyId}/responses", request -> {
                    var page = responses.listBySurvey(request.pathParameter("surveyId"), Queries.limit(request),
                            Queries.cursor(request));
                    // a caller limited to teams sees the answers routed to them (a page may hold fewer)
                    return HttpResponses.json(200, Views.page(page.items().stream().filter(found -> visible(request, found))
                            .map(Views::of).toList(), page.next()));
                });
    }

    /** An answer is a team's when it was routed to the team; one not yet enriched is nobody's in particular. */
    private static boolean visible(HttpRequest request, Response response) {
        return Caller.teams(request).isEmpty() || response.enrichment() != null
                && Caller.sees(request, response.enrichment().teams());
    }

}
