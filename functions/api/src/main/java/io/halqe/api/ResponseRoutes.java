package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.scoring.ScoreCells;
import java.util.ArrayList;
import java.util.List;

/** Responses: one by id, and a survey's, newest first, paged, filtered to one dimension's value if asked. */
record ResponseRoutes(ResponseRepository responses, java.time.ZoneId reportingZone) implements Router.Group {

    /** At most this many answers are read for one filtered page. */
    static final int SCAN = 500;

    @Override
    public void addTo(Router router) {
        router.get("/api/responses/{responseId}", request -> {
                    String responseId = request.pathParameter("responseId");
                    return responses.find(responseId).filter(found -> visible(request, found))
                            .map(found -> HttpResponses.json(200, Views.of(found)))
                            .orElseGet(() -> HttpResponses.error(404, "response_not_found", "there is no response " + responseId));
                })
                .get("/api/surveys/{surveyId}/responses", this::list);
    }

    /**
     * A survey's answers, newest first, submitted {@code from}/{@code to} (dates in the reporting time zone, the
     * {@code to} day included, or instants, {@code to} excluded); {@code where=theme=delivery} keeps those counted in that cell of the metrics
     * (the same cells, so a driver's or a filter's answers are the ones its figures count). A caller limited to teams
     * sees the answers routed to them. A filtered page reads on until it is full or has read {@link #SCAN} answers;
     * it may hold fewer, and {@code next} goes on from where it stopped.
     */
    private APIGatewayV2HTTPResponse list(HttpRequest request) {
        String surveyId = request.pathParameter("surveyId");
        int limit = Queries.limit(request);
        var where = Queries.where(request);
        var from = Queries.windowStart(request, reportingZone);
        var to = Queries.windowEnd(request, reportingZone, from);
        boolean filtered = where.isPresent() || from != null || to != null;
        List<Response> kept = new ArrayList<>();
        String cursor = Queries.cursor(request);
        int read = 0;
        do {
            var page = responses.listBySurvey(surveyId, from, to,
                    filtered ? Math.min(100, limit - kept.size()) : limit, cursor);
            read += page.items().size();
            page.items().stream().filter(found -> visible(request, found))
                    .filter(found -> where.isEmpty() || ScoreCells.of(found).contains(where.get()))
                    .forEach(kept::add);
            cursor = page.next();
        } while (filtered && cursor != null && kept.size() < limit && read < SCAN);
        return HttpResponses.json(200, Views.page(kept.stream().map(Views::of).toList(), cursor));
    }

    /** An answer is a team's when it was routed to the team; one not yet enriched is nobody's in particular. */
    static boolean visible(HttpRequest request, Response response) {
        return Caller.teams(request).isEmpty() || response.enrichment() != null
                && Caller.sees(request, response.enrichment().teams());
    }

}
