package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.suppression.SuppressionList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The suppression list: who must not be contacted. An entry is named by its id (the hash of the address), so no
 * address ever sits in a URL; adding takes the address in the body.
 */
record SuppressionRoutes(SuppressionList suppression) implements Router.Group {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,63}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

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
        if (add.address() == null || !(EMAIL.matcher(add.address().strip()).matches()
                || E164.matcher(add.address().strip()).matches())) {
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
