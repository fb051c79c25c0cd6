package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.aws.webhooks.WebhookAnnouncements;
import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.CloseCase;
import io.halqe.domain.cases.UpdateCase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follow-up cases: the team's queue, one case, forward-only updates, notes, and closing the loop (announced to the
 * webhook subscriptions that ask for {@code case.closed}).
 */
record CaseRoutes(CaseRepository cases, CloseCase closeCase, WebhookAnnouncements webhooks) implements Router.Group {

    /** {@code author} is accepted for older clients and ignored: a note's author is the caller. */
    record NoteRequest(String author, String text) {
    }

    @Override
    public void addTo(Router router) {
        UpdateCase updateCase = new UpdateCase(cases);
        router.get("/api/cases", this::list)
                .get("/api/cases/{caseId}", request -> {
                    String caseId = visibleCase(request);
                    return cases.find(caseId).map(found -> HttpResponses.json(200, Views.of(found, cases.work(caseId))))
                            .orElseGet(() -> notFound(caseId));
                })
                .patch("/api/cases/{caseId}", request -> updated(updateCase.patch(visibleCase(request),
                        body(request, UpdateCase.Patch.class), request.receivedAt())))
                .post("/api/cases/{caseId}/notes", request -> {
                    String caseId = visibleCase(request);
                    NoteRequest note = body(request, NoteRequest.class);
                    return updated(updateCase.note(caseId, Caller.actor(request), note.text(), request.receivedAt()));
                })
                .post("/api/cases/{caseId}/close", this::close)
                .post("/api/cases/{caseId}/close/preview", this::preview);
    }

    /**
     * The path's case id, once the caller may see the case: a case of another team is "not found", exactly like
     * one that does not exist, so ids of other teams' cases cannot be probed.
     */
    private String visibleCase(HttpRequest request) {
        String caseId = request.pathParameter("caseId");
        if (!Caller.teams(request).isEmpty()
                && cases.find(caseId).filter(found -> Caller.sees(request, java.util.List.of(found.team()))).isEmpty()) {
            throw new HttpProblem(404, "case_not_found", "there is no case " + caseId, null);
        }
        return caseId;
    }

    private static APIGatewayV2HTTPResponse notFound(String caseId) {
        return HttpResponses.error(404, "case_not_found", "there is no case " + caseId);
    }

    private APIGatewayV2HTTPResponse list(HttpRequest request) {
        CaseStatus wanted;
        try {
            wanted = CaseStatus.fromWire(request.query("status").orElse("open"));
        } catch (IllegalArgumentException unknown) {
            throw new HttpProblem(400, "invalid_query",
                    "status must be one of open, acknowledged, in_progress, resolved, closed", "status");
        }
        String team = request.query("team").orElse(null);
        var mine = Caller.teams(request);
        if (!mine.isEmpty()) {
            // a caller limited to teams lists one of them at a time
            if (team == null && mine.size() == 1) {
                team = mine.iterator().next();
            } else if (team == null || !mine.contains(team)) {
                throw new HttpProblem(400, "invalid_query", "name one of your teams: " + String.join(", ",
                        new java.util.TreeSet<>(mine)), "team");
            }
        }
        String listed = team;
        var page = cases.list(wanted, listed, request.query("owner").orElse(null), Queries.limit(request),
                Queries.cursor(request));
        return HttpResponses.json(200, Views.page(page.items().stream().map(Views::of).toList(), page.next()));
    }

    private static APIGatewayV2HTTPResponse updated(UpdateCase.Outcome outcome) {
        return switch (outcome) {
            case UpdateCase.Outcome.Updated updated -> HttpResponses.json(200, Views.of(updated.followUpCase(), updated.work()));
            case UpdateCase.Outcome.NotFound notFound -> HttpResponses.error(404, "case_not_found",
                    "there is no case " + notFound.caseId());
            case UpdateCase.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_case", invalid.problem());
            case UpdateCase.Outcome.Conflict conflict -> HttpResponses.error(409, "edit_conflict",
                    "case " + conflict.caseId() + " changed meanwhile; read it again and retry");
        };
    }

    /** {@code {"customerMessage"}}: the email closing would send, for the agent to read before closing. */
    record PreviewRequest(String customerMessage) {
    }

    private APIGatewayV2HTTPResponse preview(HttpRequest request) {
        String caseId = visibleCase(request);
        return switch (closeCase.preview(caseId, body(request, PreviewRequest.class).customerMessage())) {
            case CloseCase.PreviewOutcome.Previewed previewed -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("to", previewed.to());
                view.put("language", previewed.language());
                view.put("direction", previewed.language().equals("fa") || previewed.language().equals("ar") ? "rtl" : "ltr");
                view.put("subject", previewed.email().subject());
                view.put("text", previewed.email().text());
                view.put("html", previewed.email().html());
                view.put("wouldSend", previewed.notSentBecause() == null);
                view.put("notSentBecause", previewed.notSentBecause());
                yield HttpResponses.json(200, view);
            }
            case CloseCase.PreviewOutcome.NotFound notFound -> notFound(caseId);
            case CloseCase.PreviewOutcome.Invalid invalid -> throw HttpProblem.invalid("invalid_preview", invalid.problem());
        };
    }

    private APIGatewayV2HTTPResponse close(HttpRequest request) {
        String caseId = visibleCase(request);
        return switch (closeCase.close(caseId, body(request, CloseCase.Request.class), request.receivedAt())) {
            case CloseCase.Outcome.Closed closed -> {
                webhooks.caseClosed(closed.followUpCase(), closed.customerNotified(), () -> cases.work(caseId),
                        request.receivedAt());
                Map<String, Object> view = new LinkedHashMap<>(Views.of(closed.followUpCase()));
                view.put("customerNotified", closed.customerNotified());
                view.put("resurveyAt", closed.resurveyAt() == null ? null : closed.resurveyAt().toString());
                if (!closed.customerNotified()) {
                    view.put("notNotifiedBecause", closed.notNotifiedBecause());
                }
                yield HttpResponses.json(200, view);
            }
            case CloseCase.Outcome.NotFound notFound -> HttpResponses.error(404, "case_not_found", "there is no case " + caseId);
            case CloseCase.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_close", invalid.problem());
        };
    }
}
