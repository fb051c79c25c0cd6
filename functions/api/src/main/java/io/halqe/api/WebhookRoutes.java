package io.halqe.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpProblem;
import io.halqe.aws.http.HttpRequest;
import io.halqe.aws.http.HttpResponses;
import io.halqe.aws.http.Router;
import io.halqe.aws.json.Json;
import io.halqe.domain.webhooks.ManageWebhooks;
import io.halqe.domain.webhooks.WebhookDelivery;
import io.halqe.domain.webhooks.WebhookSubscription;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhook subscriptions (admins only: they send answers and customers out): made with their secret shown once,
 * listed, deleted, given a new secret; their deliveries listed with their last attempt, and re-sent.
 */
record WebhookRoutes(ManageWebhooks webhooks) implements Router.Group {

    private static final int RECENT = 10;

    @Override
    public void addTo(Router router) {
        router.get("/api/webhooks", request -> HttpResponses.json(200,
                        Views.page(webhooks.list().stream().map(WebhookRoutes::view).toList(), null)))
                .post("/api/webhooks", this::create)
                .get("/api/webhooks/{webhookId}", request -> {
                    WebhookSubscription subscription = subscription(request);
                    Map<String, Object> view = view(subscription);
                    view.put("recentDeliveries", webhooks.deliveries(subscription.id(), null, RECENT, null).items()
                            .stream().map(WebhookRoutes::view).toList());
                    return HttpResponses.json(200, view);
                })
                .route("DELETE", "/api/webhooks/{webhookId}", request -> {
                    String id = request.pathParameter("webhookId");
                    return webhooks.delete(id) ? HttpResponses.json(200, Map.of("id", id, "deleted", true))
                            : notFound(id);
                })
                .post("/api/webhooks/{webhookId}/secret", request -> {
                    String id = request.pathParameter("webhookId");
                    return webhooks.rotate(id, request.receivedAt())
                            .map(secret -> HttpResponses.json(200, Map.of("id", id, "secret", secret,
                                    "previousSecretsSignUntil", request.receivedAt().plus(ManageWebhooks.OVERLAP)
                                            .toString())))
                            .orElseGet(() -> notFound(id));
                })
                .get("/api/webhooks/{webhookId}/deliveries", request -> {
                    String id = subscription(request).id();
                    var page = webhooks.deliveries(id, status(request), Queries.limit(request), Queries.cursor(request));
                    return HttpResponses.json(200, Views.page(page.items().stream().map(WebhookRoutes::view).toList(),
                            page.next()));
                })
                .post("/api/webhooks/{webhookId}/deliveries/{deliveryId}/resend", request -> {
                    String id = subscription(request).id();
                    String deliveryId = request.pathParameter("deliveryId");
                    return webhooks.resend(id, deliveryId, request.receivedAt())
                            .map(delivery -> HttpResponses.json(202, view(delivery)))
                            .orElseGet(() -> HttpResponses.error(404, "delivery_not_found",
                                    "there is no delivery " + deliveryId + " of " + id));
                });
    }

    private APIGatewayV2HTTPResponse create(HttpRequest request) {
        var body = Queries.body(request, CreateRequest.class);
        return switch (webhooks.create(new ManageWebhooks.Request(body.url(), body.events(), body.filterText(),
                body.description()), request.receivedAt())) {
            case ManageWebhooks.Outcome.Created created -> {
                Map<String, Object> view = view(created.subscription());
                // shown here once: it is never listed again
                view.put("secret", created.secret());
                yield HttpResponses.json(201, view);
            }
            case ManageWebhooks.Outcome.Invalid invalid -> throw HttpProblem.invalid("invalid_webhook", invalid.problem());
        };
    }

    /** {@code filter} is an EventBridge pattern, given as a JSON object (or as that object's text). */
    record CreateRequest(String url, java.util.List<String> events, Object filter, String description) {
        String filterText() {
            return filter == null || filter instanceof String ? (String) filter : Json.write(filter);
        }
    }

    private WebhookSubscription subscription(HttpRequest request) {
        String id = request.pathParameter("webhookId");
        return webhooks.find(id).orElseThrow(() -> new HttpProblem(404, "webhook_not_found",
                "there is no webhook subscription " + id, null));
    }

    private static WebhookDelivery.Status status(HttpRequest request) {
        String wanted = request.query("status").orElse(null);
        try {
            return wanted == null ? null : WebhookDelivery.Status.fromWire(wanted);
        } catch (IllegalArgumentException unknown) {
            throw new HttpProblem(400, "invalid_query", "status must be pending, delivered or failed", "status");
        }
    }

    private static APIGatewayV2HTTPResponse notFound(String id) {
        return HttpResponses.error(404, "webhook_not_found", "there is no webhook subscription " + id);
    }

    private static Map<String, Object> view(WebhookSubscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", subscription.id());
        view.put("url", subscription.url());
        view.put("events", subscription.events());
        view.put("filter", subscription.filter());
        view.put("description", subscription.description());
        view.put("createdAt", subscription.createdAt().toString());
        return view;
    }

    private static Map<String, Object> view(WebhookDelivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", delivery.key());
        view.put("messageId", delivery.id());
        view.put("type", delivery.type());
        view.put("occurredAt", delivery.occurredAt().toString());
        view.put("status", delivery.status().wireName());
        view.put("attempts", delivery.attempts());
        view.put("nextAttemptAt", delivery.nextAttemptAt() == null ? null : delivery.nextAttemptAt().toString());
        var last = delivery.lastAttempt();
        view.put("lastAttempt", last == null ? null : attempt(last));
        return view;
    }

    private static Map<String, Object> attempt(WebhookDelivery.Attempt attempt) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", attempt.at().toString());
        view.put("httpStatus", attempt.httpStatus());
        view.put("error", attempt.error());
        return view;
    }
}
