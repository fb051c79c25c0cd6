package io.halqe.api;

import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.outreach.OutreachRepository;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.domain.recovery.RequeueParked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Work the loops gave up on — outreach (refused for good by the provider, or failing five times), escalations,
 * digests, announcements and stream records — listed with why, newest first, and put back in its loop once the cause
 * is fixed. Outreach ids are plain; the others are {@code kind:item}.
 */
record ParkedRoutes(OutreachRepository outreach, ParkedWork parked, RequeueParked requeueParked) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.get("/api/admin/parked", request -> {
                    int limit = Queries.limit(request);
                    List<Map<String, Object>> items = new ArrayList<>();
                    outreach.parked(limit).forEach(entry -> items.add(view(entry)));
                    parked.list(limit).forEach(entry -> items.add(view(entry)));
                    items.sort(Comparator.comparing((Map<String, Object> item) -> Instant.parse((String) item.get("parkedAt")))
                            .reversed());
                    return HttpResponses.json(200, Map.of("items", items.subList(0, Math.min(limit, items.size()))));
                })
                .post("/api/admin/parked/{id}/requeue", request -> {
                    String id = request.pathParameter("id");
                    if (!id.contains(":")) {
                        return outreach.requeue(id, request.receivedAt())
                                ? HttpResponses.json(200, Map.of("id", id, "kind", "outreach", "status", "pending",
                                "dueAt", request.receivedAt().toString(), "next", "the next sweep sends it"))
                                : notParked(id);
                    }
                    return switch (requeueParked.requeue(id, request.receivedAt())) {
                        case RequeueParked.Outcome.Requeued requeued -> HttpResponses.json(200, Map.of("id", requeued.id(),
                                "kind", requeued.kind(), "status", "requeued", "next", requeued.next()));
                        case RequeueParked.Outcome.NotParked ignored -> notParked(id);
                    };
                });
    }

    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse notParked(String id) {
        return HttpResponses.error(404, "not_parked", "nothing parked is named " + id, "id");
    }

    /** What a team needs to fix the cause: what it was, to whom by which channel (no address), and why it stopped. */
    private static Map<String, Object> view(OutreachRepository.Parked parked) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", parked.outreach().id());
        view.put("kind", "outreach");
        view.put("outreachKind", parked.outreach().kind().wireName());
        view.put("surveyId", parked.outreach().surveyId());
        view.put("channel", parked.outreach().channel());
        view.put("customerId", parked.outreach().customer() == null ? null : parked.outreach().customer().id());
        view.put("reason", parked.reason());
        view.put("attempts", parked.attempts());
        view.put("parkedAt", parked.parkedAt().toString());
        return view;
    }

    /** The item names what it was (a case, a response, a digest's period, an announcement); its detail stays stored. */
    private static Map<String, Object> view(ParkedWork.Parked parked) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", parked.id());
        view.put("kind", parked.kind().wireName());
        view.put("item", parked.item());
        view.put("reason", parked.reason());
        view.put("attempts", parked.attempts());
        view.put("parkedAt", parked.parkedAt().toString());
        return view;
    }
}
