package io.halqe.domain.cases;

import io.halqe.domain.response.Page;
import java.util.Optional;

public interface CaseRepository {

    /** Stores the case unless one with its id exists; returns the stored one either way, and whether it is new. */
    Opened openIfAbsent(FollowUpCase followUpCase);

    Optional<FollowUpCase> find(String caseId);

    Page<FollowUpCase> listByStatus(CaseStatus status, int limit, String cursor);

    record Opened(FollowUpCase followUpCase, boolean created) {
    }
}
