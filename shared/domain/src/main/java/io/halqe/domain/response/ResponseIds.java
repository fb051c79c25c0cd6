package io.halqe.domain.response;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * A response id names its survey: {@code <surveyId>.<uuid>}. Survey ids never hold a dot, so the survey is read back
 * from the id, and a response is found by its key alone — no index from id to survey to write for every answer.
 * Ids from before this form (a bare UUID) name no survey.
 */
public final class ResponseIds {

    private static final char SEPARATOR = '.';

    private ResponseIds() {
    }

    /** A new, random id. */
    public static String random(String surveyId) {
        return surveyId + SEPARATOR + UUID.randomUUID();
    }

    /** The id that {@code name} (an invitation, an idempotency key) always gives within the survey. */
    public static String named(String surveyId, String name) {
        return surveyId + SEPARATOR + UUID.nameUUIDFromBytes((surveyId + "\n" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The survey an id names, if it is of this form. */
    public static Optional<String> surveyOf(String responseId) {
        int separator = responseId == null ? -1 : responseId.lastIndexOf(SEPARATOR);
        return separator <= 0 ? Optional.empty() : Optional.of(responseId.substring(0, separator));
    }
}
