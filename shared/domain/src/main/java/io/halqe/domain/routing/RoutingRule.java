package io.halqe.domain.routing;

/**
 * Who owns a kind of feedback: when {@code pattern} (an EventBridge / Event Ruler pattern over the ResponseEnriched
 * detail, e.g. {@code {"themes":["delivery"]}}) matches, the response goes to {@code team}, and — with
 * {@code toAccountOwner} — to the customer's account owner too. Rules read the same here and in template.yaml.
 */
public record RoutingRule(String id, String pattern, String team, boolean toAccountOwner) {
}
