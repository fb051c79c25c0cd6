package io.halqe.domain.privacy;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseWork;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Page;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerHealth;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.FeedbackEntry;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.suppression.SuppressionList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/customers/{id}/export}: everything held about a person, as they could ask for it — their profile and
 * health, their feedback history, each answer as stored, the cases their answers opened with the team's work on them,
 * and whether they may be contacted.
 */
public final class ExportCustomer {

    /** One case and what the team did on it. */
    public record CaseRecord(FollowUpCase followUpCase, CaseWork work) {
    }

    public record Export(String customerId, CustomerProfile profile, CustomerHealth health, List<FeedbackEntry> history,
                         List<Response> responses, List<CaseRecord> cases, boolean emailSuppressed,
                         boolean phoneSuppressed) {
    }

    private final CustomerDirectory directory;
    private final ResponseRepository responses;
    private final CaseRepository cases;
    private final SuppressionList suppression;

    public ExportCustomer(CustomerDirectory directory, ResponseRepository responses, CaseRepository cases,
                          SuppressionList suppression) {
        this.directory = directory;
        this.responses = responses;
        this.cases = cases;
        this.suppression = suppression;
    }

    /** Empty when nothing is held about the person. */
    public Optional<Export> export(String customerId) {
        Optional<CustomerProfile> profile = directory.find(customerId);
        List<FeedbackEntry> history = new ArrayList<>();
        Page.all(cursor -> directory.history(customerId, 1000, cursor)).forEach(history::add);
        if (profile.isEmpty() && history.isEmpty()) {
            return Optional.empty();
        }
        List<Response> answers = new ArrayList<>();
        List<CaseRecord> opened = new ArrayList<>();
        for (FeedbackEntry entry : history) {
            responses.find(entry.surveyId(), entry.responseId()).ifPresent(answers::add);
            String caseId = FollowUpCase.idFor(entry.responseId());
            cases.find(caseId).ifPresent(found -> opened.add(new CaseRecord(found, cases.work(caseId))));
        }
        String email = profile.map(CustomerProfile::email).orElse(null);
        String phone = profile.map(CustomerProfile::phone).orElse(null);
        return Optional.of(new Export(customerId, profile.orElse(null), directory.health(customerId).orElse(null), history,
                answers, opened, suppression.isSuppressed(email), suppression.isSuppressed(phone)));
    }
}
