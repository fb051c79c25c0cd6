package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.domain.access.ApiKey;
import io.halqe.domain.access.AuditLog;
import io.halqe.domain.access.ManageApiKeys;
import io.halqe.domain.access.Principal;
import io.halqe.domain.access.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Machine keys (made, listed without their secret, revoked) and the audit log: admins only. */
record AccessRoutes(ManageApiKeys keys, AuditLog audit) implements Router.Group {

    /**
     * {@code POST /api/keys}: {@code {"name": "bi-export", "scopes": ["metrics:read"], "teams": [], "expiresAt": "…"}};
     * {@code teams} limits the cases and answers it sees (none: every team).
     */
    record NewKey(String name, List<String> scopes, List<String> teams, Instant expiresAt) {
    }

    @Override
    public void addTo(Router router) {
        router.get("/api/keys", request -> {
                    var page = keys.list(Queries.limit(request), Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items().stream()
                            .filter(key -> !key.id().equals(ManageApiKeys.BOOTSTRAP)).map(AccessRoutes::view)
                            .toList(), page.next()));
                })
                .post("/api/keys", this::create)
                .route("DELETE", "/api/keys/{keyId}", this::revoke)
                .get("/api/audit", request -> {
                    // up to now as the request is received (the local cloud's clock may run ahead of the wall's)
                    Instant to = Queries.instant(request, "to");
                    var page = audit.list(request.query("actor").orElse(null), request.query("target").orElse(null),
                            Queries.instant(request, "from"), to == null ? request.receivedAt() : to,
                            Queries.limit(request), Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items(), page.next()));
                });
    }

    private APIGatewayV2HTTPResponse create(HttpRequest request) {
        NewKey body = Queries.body(request, NewKey.class);
        // only an admin reaches this route (Permissions), and an admin may hand out any scope
        Principal maker = new Principal(Caller.actor(request), Set.of(Scope.ADMIN), Set.of());
        return switch (keys.create(body.name(), body.scopes(), body.teams(), body.expiresAt(), maker,
                request.receivedAt())) {
            case ManageApiKeys.Outcome.Created created -> {
                Map<String, Object> view = view(created.key());
                view.put("key", created.secret());
                yield HttpResponses.json(201, view);
            }
            case ManageApiKeys.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_key", invalid.problem());
        };
    }

    /** {@code DELETE /api/keys/bootstrap} disables the deploy-time key; any other id revokes that key. */
    private APIGatewayV2HTTPResponse revoke(HttpRequest request) {
        String keyId = request.pathParameter("keyId");
        if (keyId.equals(ManageApiKeys.BOOTSTRAP)) {
            keys.disableBootstrap(new Principal(Caller.actor(request), Set.of(Scope.ADMIN), Set.of()),
                    request.receivedAt());
            return HttpResponses.json(200, Map.of("id", keyId, "disabled", true));
        }
        return keys.revoke(keyId, request.receivedAt()).map(key -> HttpResponses.json(200, view(key)))
                .orElseGet(() -> HttpResponses.error(404, "key_not_found", "there is no key " + keyId));
    }

    private static Map<String, Object> view(ApiKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id());
        view.put("name", key.name());
        view.put("scopes", key.scopes().stream().map(Scope::wireName).sorted().toList());
        view.put("teams", key.teams().stream().sorted().toList());
        view.put("createdBy", key.createdBy());
        view.put("createdAt", key.createdAt().toString());
        view.put("expiresAt", key.expiresAt() == null ? null : key.expiresAt().toString());
        view.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        return view;
    }
}
