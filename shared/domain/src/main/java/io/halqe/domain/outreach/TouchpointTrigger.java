package io.halqe.domain.outreach;

import java.util.Map;

/**
 * A touchpoint rule: when an event on the bus matches {@code pattern} (an EventBridge pattern over the whole event,
 * e.g. {@code {"source":["demo.shop"],"detail-type":["OrderDelivered"]}}), invite the customer to {@code surveyId}
 * by {@code channel} after {@code delay} (ISO-8601). {@code customer} maps id, email, phone, name, locale and timeZone
 * to JSON paths in the event ({@code $.detail.customer.email}); {@code hidden} maps the survey's hidden fields the same
 * way.
 */
public record TouchpointTrigger(String id, String pattern, String surveyId, String channel, String delay,
                                Map<String, String> customer, Map<String, String> hidden) {

    public static final java.util.Set<String> CUSTOMER_FIELDS = java.util.Set.of("id", "email", "phone", "name",
            "locale", "timeZone");

    public TouchpointTrigger {
        customer = customer == null ? Map.of() : Map.copyOf(customer);
        hidden = hidden == null ? Map.of() : Map.copyOf(hidden);
        channel = channel == null ? "email" : channel;
    }

    /** The local demo's rule: an order delivered in the demo shop → the demo NPS survey by email an hour later. */
    public static TouchpointTrigger demoOrderDelivered() {
        return new TouchpointTrigger("demo-order-delivered",
                "{\"source\":[\"demo.shop\"],\"detail-type\":[\"OrderDelivered\"]}", "demo-nps", "email", "PT1H",
                Map.of("id", "$.detail.customer.id", "email", "$.detail.customer.email",
                        "name", "$.detail.customer.name", "locale", "$.detail.customer.locale",
                        "timeZone", "$.detail.customer.timeZone"),
                Map.of("orderId", "$.detail.orderId"));
    }
}
