package io.halqe.domain.events;

import java.time.Instant;
import io.halqe.domain.customers.CustomerProfile;
import java.util.List;
import java.util.Map;

/**
 * Detail of {@code ResponseEnriched} (schema: events/schemas/ResponseEnriched.v1.json); {@code invitationId} names
 * the signed link it came through, if any (a re-survey's link says which case it measures). {@code alerting} says
 * whether an alert rule matched it when it was enriched: the bus delivers to the alerts function only those that did.
 * {@code historical} marks an answer imported with its original date: it is never alerting, and consumers that act on
 * answers (emails, tickets, webhooks) should leave it alone ({@code "historical": [false]} in a rule's pattern).
 */
public record ResponseEnriched(
        String version,
        String responseId,
        String surveyId,
        int surveyVersion,
        Instant submittedAt,
        String language,
        Integer npsScore,
        String npsCategory,
        String comment,
        int wordCount,
        Map<String, Object> answers,
        Map<String, String> hidden,
        String customerId,
        boolean partial,
        String sentiment,
        double sentimentScore,
        List<String> themes,
        String feedbackType,
        List<String> keyPhrases,
        CustomerProfile customer,
        List<String> teams,
        List<String> owners,
        String invitationId,
        Boolean alerting,
        boolean historical) implements DomainEvent {

    public static final String DETAIL_TYPE = "ResponseEnriched";
    public static final String VERSION = "1";

    /** Not yet held against the alert rules. */
    public ResponseEnriched(String version, String responseId, String surveyId, int surveyVersion, Instant submittedAt,
                            String language, Integer npsScore, String npsCategory, String comment, int wordCount,
                            Map<String, Object> answers, Map<String, String> hidden, String customerId, boolean partial,
                            String sentiment, double sentimentScore, List<String> themes, String feedbackType,
                            List<String> keyPhrases, CustomerProfile customer, List<String> teams, List<String> owners,
                            String invitationId) {
        this(version, responseId, surveyId, surveyVersion, submittedAt, language, npsScore, npsCategory, comment,
                wordCount, answers, hidden, customerId, partial, sentiment, sentimentScore, themes, feedbackType,
                keyPhrases, customer, teams, owners, invitationId, null, false);
    }

    public ResponseEnriched withAlerting(boolean matched) {
        return new ResponseEnriched(version, responseId, surveyId, surveyVersion, submittedAt, language, npsScore,
                npsCategory, comment, wordCount, answers, hidden, customerId, partial, sentiment, sentimentScore, themes,
                feedbackType, keyPhrases, customer, teams, owners, invitationId, matched, historical);
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
