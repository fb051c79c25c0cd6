package io.halqe.domain.cases;

import io.halqe.domain.response.Page;
import java.util.Optional;

public interface CaseRepository {

    /** Stores the case unless one with its id exists; returns the stored one either way, and whether it is new. */
    Opened openIfAbsent(FollowUpCase followUpCase);

    Optional<FollowUpCase> find(String caseId);

    Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor);

    /** Closes the case with its resolution (closing a closed case changes nothing); empty if there is no such case. */
    Optional<FollowUpCase> close(String caseId, String resolution, java.time.Instant at);

    record Opened(FollowUpCase followUpCase, boolean created) {
    }
}
