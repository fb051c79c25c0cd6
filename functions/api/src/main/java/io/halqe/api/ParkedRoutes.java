package io.halqe.api;

import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.outreach.OutreachRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outreach the sweep gave up on (refused for good by the provider, or failing five times): listed with why, and put
 * back in the sweep once the cause is fixed.
 */
record ParkedRoutes(OutreachRepository outreach) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.get("/api/admin/parked", request -> HttpResponses.json(200, Map.of("items",
                        outreach.parked(Queries.limit(request)).stream().map(ParkedRoutes::view).toList())))
                .post("/api/admin/parked/{outreachId}/requeue", request -> {
                    String id = request.pathParameter("outreachId");
                    return outreach.requeue(id, request.receivedAt())
                            ? HttpResponses.json(200, Map.of("id", id, "status", "pending", "dueAt", request.receivedAt().toString()))
                            : HttpResponses.error(404, "not_parked", "there is no parked outreach " + id, "outreachId");
                });
    }

    /** What a team needs to fix the cause: what it was, to whom by which channel (no address), and why it stopped. */
    private static Map<String, Object> view(OutreachRepository.Parked parked) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", parked.outreach().id());
        view.put("kind", parked.outreach().kind().wireName());
        view.put("surveyId", parked.outreach().surveyId());
        view.put("channel", parked.outreach().channel());
        view.put("customerId", parked.outreach().customer() == null ? null : parked.outreach().customer().id());
        view.put("reason", parked.reason());
        view.put("attempts", parked.attempts());
        view.put("parkedAt", parked.parkedAt().toString());
        return view;
    }
}
