package io.halqe.domain.routing;

/**
 * Who owns a kind of feedback: when {@code pattern} (an EventBridge / Event Ruler pattern over the ResponseEnriched
 * detail, e.g. {@code {"themes":["delivery"]}}) matches, the response goes to {@code team}, and — with
 * {@code toAccountOwner} — to the customer's account owner too. Rules read the same here and in template.yaml.
 */
public record RoutingRule(String id, String pattern, String team, boolean toAccountOwner) {

    /** The fields that carry how the customer scored or felt: a rule on them routes by score, it does not own. */
    private static final java.util.regex.Pattern ON_SCORE =
            java.util.regex.Pattern.compile("\"(npsScore|npsCategory|sentiment|sentimentScore|answers)\"\\s*:");

    /**
     * Whether the rule says who owns what it matches — a theme, a feedback type, a touchpoint, a customer segment —
     * rather than who hears about a score (detractors to support): a team's own figures count only the answers it
     * owns, since a score over answers picked by their score (support's detractors) would say nothing.
     */
    public boolean owns() {
        return team != null && !team.isBlank() && !ON_SCORE.matcher(pattern == null ? "" : pattern).find();
    }
}
