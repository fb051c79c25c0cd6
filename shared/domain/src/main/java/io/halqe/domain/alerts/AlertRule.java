package io.halqe.domain.alerts;

import java.util.List;

/**
 * One alert rule as data. {@code pattern} is an EventBridge / Event Ruler pattern over the ResponseEnriched detail
 * (NPS category, score ranges with {@code numeric}, sentiment, themes, feedback type, customer segment, keywords with
 * {@code wildcard} on the comment, …); {@code surveyId} limits the rule to one survey (null: every survey).
 * {@code team} overrides routing's choice of team (null: the first routed team, else the default team).
 */
public record AlertRule(String id, String name, String surveyId, String pattern, String team, String severity,
                        Actions actions) {

    public static final List<String> SEVERITIES = List.of("low", "medium", "high");

    /**
     * What happens on a match. {@code openCase} (null: no case) gives the case's due time; {@code email} is
     * {@code none}, {@code immediate}, or {@code daily}/{@code weekly} to collect the match into a digest instead of
     * one email per response; {@code emailTo} lists {@code owner} (the customer's account owner when routing named
     * one, else the team's owner), {@code team} (the team's owner) or plain addresses; {@code sns} publishes to the
     * team alerts topic with attributes team, severity, surveyId and rule.
     */
    public record Actions(OpenCase openCase, String email, List<String> emailTo, boolean sns) {
        public Actions {
            email = email == null ? "none" : email;
            emailTo = emailTo == null || emailTo.isEmpty() ? List.of("owner") : List.copyOf(emailTo);
        }

        public boolean emailsNow() {
            return email.equals("immediate");
        }

        public boolean collectsIntoDigest() {
            return email.equals(DigestPeriod.DAILY.id()) || email.equals(DigestPeriod.WEEKLY.id());
        }
    }

    /** {@code dueIn} is an ISO-8601 duration, e.g. {@code PT48H}. */
    public record OpenCase(String dueIn) {
    }
}
