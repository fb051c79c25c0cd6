package io.halqe.domain.events;

import java.time.Instant;
import io.halqe.domain.customers.CustomerProfile;
import java.util.List;
import java.util.Map;

/**
 * Detail of {@code ResponseEnriched} (schema: events/schemas/ResponseEnriched.v1.json); {@code invitationId} names
 * the signed link it came through, if any (a re-survey's link says which case it measures).
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
        String invitationId) implements DomainEvent {

    public static final String DETAIL_TYPE = "ResponseEnriched";
    public static final String VERSION = "1";

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }
}
