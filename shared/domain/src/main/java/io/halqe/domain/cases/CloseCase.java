package io.halqe.domain.cases;

import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /api/cases/{id}/close}: the case is closed with its resolution and — when asked — the customer is told
 * what was done, in their language, with an unsubscribe link, unless they unsubscribed. The customer email goes out at
 * most once however often the close is repeated.
 */
public final class CloseCase {

    public record Request(String resolution, Boolean notifyCustomer, String customerMessage) {
    }

    public sealed interface Outcome {
        record Closed(FollowUpCase followUpCase, boolean customerNotified, String notNotifiedBecause) implements Outcome {
        }

        record NotFound(String caseId) implements Outcome {
        }

        record Invalid(String field, String message) implements Outcome {
        }
    }

    private final CaseRepository cases;
    private final ResponseRepository responses;
    private final Mailer mailer;
    private final SuppressionList suppression;
    private final UnsubscribeLinks unsubscribe;
    private final DeliveryLedger ledger;

    public CloseCase(CaseRepository cases, ResponseRepository responses, Mailer mailer, SuppressionList suppression,
                     UnsubscribeLinks unsubscribe, DeliveryLedger ledger) {
        this.cases = cases;
        this.responses = responses;
        this.mailer = mailer;
        this.suppression = suppression;
        this.unsubscribe = unsubscribe;
        this.ledger = ledger;
    }

    public Outcome close(String caseId, Request request, Instant at) {
        boolean notify = Boolean.TRUE.equals(request.notifyCustomer());
        if (request.resolution() == null || request.resolution().isBlank() || request.resolution().length() > 2000) {
            return new Outcome.Invalid("resolution", "is required (at most 2000 characters)");
        }
        if (notify && (request.customerMessage() == null || request.customerMessage().isBlank()
                || request.customerMessage().length() > 5000)) {
            return new Outcome.Invalid("customerMessage", "is required to notify the customer (at most 5000 characters)");
        }
        Optional<FollowUpCase> closed = cases.close(caseId, request.resolution().strip(), at);
        if (closed.isEmpty()) {
            return new Outcome.NotFound(caseId);
        }
        if (!notify) {
            return new Outcome.Closed(closed.get(), false, "not requested");
        }
        Optional<Response> response = responses.find(closed.get().responseId());
        String email = response.map(Response::enrichment).map(e -> e.customer() == null ? null : e.customer().email())
                .orElse(null);
        if (email == null) {
            return new Outcome.Closed(closed.get(), false, "no email address for this customer");
        }
        if (suppression.isSuppressed(email)) {
            return new Outcome.Closed(closed.get(), false, "the customer unsubscribed");
        }
        ledger.once("close#" + caseId + "#customer", at, () -> mailer.send(CustomerEmail.build(
                CustomerEmail.Purpose.CASE_FOLLOW_UP, email, response.map(Response::language).orElse("en"),
                request.customerMessage(), unsubscribe.urlFor(email))));
        return new Outcome.Closed(closed.get(), true, null);
    }
}
