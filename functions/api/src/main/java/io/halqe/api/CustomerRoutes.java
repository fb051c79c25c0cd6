package io.halqe.api;

import static io.halqe.api.Queries.body;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.ManageCustomers;
import java.util.List;
import java.util.Locale;

/** The customer directory: profiles with health, their feedback history, and bulk import. */
record CustomerRoutes(ManageCustomers customers, CustomerDirectory directory) implements Router.Group {

    static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    @Override
    public void addTo(Router router) {
        router.get("/api/customers/{customerId}", request -> {
                    String customerId = request.pathParameter("customerId");
                    return directory.find(customerId).map(found -> HttpResponses.json(200,
                                    Views.of(found, directory.health(customerId).orElse(null))))
                            .orElseGet(() -> HttpResponses.error(404, "customer_not_found", "there is no customer " + customerId));
                })
                .put("/api/customers/{customerId}", this::put)
                .get("/api/customers/{customerId}/feedback", request -> {
                    var page = directory.history(request.pathParameter("customerId"), Queries.limit(request),
                            Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items(), page.next()));
                })
                .post("/api/customers/import", this::importRows);
    }

    private APIGatewayV2HTTPResponse put(HttpRequest request) {
        String customerId = request.pathParameter("customerId");
        // health is computed from the customer's answers and shown by GET: a PUT of what GET returned may carry it
        CustomerProfile profile = body(request, CustomerProfile.class, "health");
        if (profile.id() != null && !profile.id().equals(customerId)) {
            return HttpResponses.error(400, "invalid_customer", "id must match the customer in the path (" + customerId + ")", "id");
        }
        CustomerProfile withId = new CustomerProfile(customerId, profile.name(), profile.email(), profile.phone(),
                profile.segment(), profile.plan(), profile.lifetimeValue(), profile.region(), profile.accountOwner(),
                profile.language(), profile.timeZone(), profile.attributes(), profile.updatedAt());
        return switch (customers.upsert(withId, request.receivedAt())) {
            case ManageCustomers.Outcome.Saved saved -> saved.how() == CustomerDirectory.Upserted.STALE
                    ? HttpResponses.error(409, "stale_update", "a newer version of customer " + customerId
                    + " is stored (updatedAt " + profile.updatedAt() + " is older)", "updatedAt")
                    : HttpResponses.json(saved.how() == CustomerDirectory.Upserted.CREATED ? 201 : 200, saved.profile());
            case ManageCustomers.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_customer", invalid.problem());
        };
    }

    /** NDJSON or CSV by content type; the answer is a per-row report (200 even when some rows failed). */
    private APIGatewayV2HTTPResponse importRows(HttpRequest request) {
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (request.bodyLength() > MAX_IMPORT_BYTES) {
            return HttpResponses.error(413, "payload_too_large", "an import is at most " + MAX_IMPORT_BYTES + " bytes; split it");
        }
        List<ManageCustomers.Row> rows;
        if (contentType.startsWith("application/x-ndjson") || contentType.startsWith("application/jsonl")) {
            rows = CustomerImport.ndjson(request.body());
        } else if (contentType.startsWith("text/csv")) {
            rows = CustomerImport.csv(request.body());
        } else {
            return HttpResponses.error(415, "unsupported_media_type", "send application/x-ndjson or text/csv");
        }
        return HttpResponses.json(200, customers.importRows(rows, request.receivedAt()));
    }
}
