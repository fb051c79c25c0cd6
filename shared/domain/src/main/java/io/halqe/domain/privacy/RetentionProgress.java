package io.halqe.domain.privacy;

import java.util.Optional;

/** How far the retention period has been applied to each survey: the key of the last response it anonymised. */
public interface RetentionProgress {

    Optional<String> last(String surveyId);

    void advance(String surveyId, String key);
}
