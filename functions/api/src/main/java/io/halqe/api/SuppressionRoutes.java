package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.text.EmailAddresses;
import io.halqe.domain.text.PhoneNumbers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suppression list: who must not be contacted. An entry is named by its id (the hash of the address), so no
 * address ever sits in a URL; adding takes the address in the body.
 */
record SuppressionRoutes(SuppressionList suppression) implements Router.Group {

    record AddRequest(String address, String reason) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/suppressions", request -> {
                    var page = suppression.list(Queries.limit(request), Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items().stream().map(SuppressionRoutes::view).toList(),
                            page.next()));
                })
                .put("/api/suppressions", this::add)
                .route("DELETE", "/api/suppressions/{suppressionId}", request -> {
                    String id = request.pathParameter("suppressionId");
                    return suppression.lift(id) ? HttpResponses.json(200, Map.of("id", id, "lifted", true))
                            : HttpResponses.error(404, "suppression_not_found", "there is no suppression " + id);
                });
    }

    private APIGatewayV2HTTPResponse add(HttpRequest request) {
        AddRequest add = body(request, AddRequest.class);
        if (add.address() == null || !(EmailAddresses.isAddress(add.address().strip())
                || PhoneNumbers.isE164(add.address().strip()))) {
            throw new HttpProblem(400, "invalid_suppression", "address must be an email address or an E.164 phone number",
                    "address");
        }
        String reason = add.reason() == null || add.reason().isBlank() ? "admin" : add.reason().strip();
        if (reason.length() > 100) {
            throw new HttpProblem(400, "invalid_suppression", "reason must be at most 100 characters", "reason");
        }
        suppression.suppress(add.address(), reason, request.receivedAt());
        return HttpResponses.json(200, view(new SuppressionList.Suppression(SuppressionList.idOf(add.address()),
                add.address().strip().toLowerCase(java.util.Locale.ROOT), reason, request.receivedAt())));
    }

    private static Map<String, Object> view(SuppressionList.Suppression entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("address", entry.address());
        view.put("reason", entry.reason());
        view.put("at", entry.at() == null ? null : entry.at().toString());
        return view;
    }
}
