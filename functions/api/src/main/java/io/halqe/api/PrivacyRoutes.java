package io.halqe.api;

import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.privacy.EraseCustomer;
import io.halqe.domain.privacy.ExportCustomer;

/** A person's rights over their data: everything held about them, and erasure everywhere with a receipt. */
record PrivacyRoutes(EraseCustomer erase, ExportCustomer export) implements Router.Group {

    @Override
    public void addTo(Router router) {
        router.get("/api/customers/{customerId}/export", request -> {
                    String customerId = request.pathParameter("customerId");
                    return export.export(customerId).map(found -> HttpResponses.json(200, found)).orElseGet(() ->
                            HttpResponses.error(404, "customer_not_found", "nothing is held about customer " + customerId));
                })
                .route("DELETE", "/api/customers/{customerId}", request ->
                        HttpResponses.json(200, erase.erase(request.pathParameter("customerId"), request.receivedAt())));
    }
}
