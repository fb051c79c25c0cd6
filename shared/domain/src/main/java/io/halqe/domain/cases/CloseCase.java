package io.halqe.domain.cases;

import io.halqe.domain.core.Problem;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.core.DeliveryLedger;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Metric;
import io.halqe.domain.core.Metrics;

import io.halqe.domain.response.Response;
import io.halqe.domain.enrichment.Respondents;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.core.Customer;
import io.halqe.domain.outreach.ContactPolicy;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.OutreachRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /api/cases/{id}/close}: the case is closed with its resolution and — when asked — the customer is told
 * what was done, in their language, with an unsubscribe link, unless they unsubscribed. The customer email goes out at
 * most once however often the close is repeated. The customer is surveyed again after the policy's
 * {@code resurveyAfterClose} (exempt from the frequency cap), and their answer is recorded on the case.
 */
public final class CloseCase {

    public record Request(String resolution, Boolean notifyCustomer, String customerMessage) {
    }

    /** {@code to}: the customer's address, null when there is none; {@code notSentBecause}: null when it would go. */
    public sealed interface PreviewOutcome {
        record Previewed(String to, String language, Mailer.Email email, String notSentBecause) implements PreviewOutcome {
        }

        record NotFound(String caseId) implements PreviewOutcome {
        }

        record Invalid(Problem problem) implements PreviewOutcome {
        }
    }

    private static final int MAX_MESSAGE = 5000;

    public sealed interface Outcome {
        /** {@code resurveyAt}: when the customer is surveyed again (null: no known address). */
        record Closed(FollowUpCase followUpCase, boolean customerNotified, String notNotifiedBecause, Instant resurveyAt)
                implements Outcome {
        }

        record NotFound(String caseId) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    private final CaseRepository cases;
    private final Respondents respondents;
    private final Mailer mailer;
    private final SuppressionList suppression;
    private final UnsubscribeLinks unsubscribe;
    private final Branding brand;
    private final DeliveryLedger ledger;
    private final OutreachRepository outreach;
    private final Supplier<ContactPolicy> policy;
    private final Metrics metrics;

    /** {@code metrics} counts each case this closes ({@link Metric#CASES_CLOSED}; a repeated close is not counted). */
    public CloseCase(CaseRepository cases, Respondents respondents, Mailer mailer, SuppressionList suppression,
                     UnsubscribeLinks unsubscribe, Branding brand, DeliveryLedger ledger, OutreachRepository outreach,
                     Supplier<ContactPolicy> policy, Metrics metrics) {
        this.cases = cases;
        this.respondents = respondents;
        this.mailer = mailer;
        this.suppression = suppression;
        this.unsubscribe = unsubscribe;
        this.ledger = ledger;
        this.brand = brand;
        this.outreach = outreach;
        this.policy = policy;
        this.metrics = metrics;
    }

    public Outcome close(String caseId, Request request, Instant at) {
        boolean notify = Boolean.TRUE.equals(request.notifyCustomer());
        if (request.resolution() == null || request.resolution().isBlank() || request.resolution().length() > 2000) {
            return new Outcome.Invalid(new Problem("resolution", "is required (at most 2000 characters)"));
        }
        if (notify && (request.customerMessage() == null || request.customerMessage().isBlank()
                || request.customerMessage().length() > MAX_MESSAGE)) {
            return new Outcome.Invalid(new Problem("customerMessage", "is required to notify the customer (at most 5000 characters)"));
        }
        Optional<CaseRepository.Closed> closing = cases.close(caseId, request.resolution().strip(), at);
        if (closing.isEmpty()) {
            return new Outcome.NotFound(caseId);
        }
        if (closing.get().now()) {
            // counted as it happens: an email that fails below must not lose the close from the figures
            metrics.count(Metric.CASES_CLOSED, 1);
        }
        FollowUpCase closed = closing.get().followUpCase();
        Optional<Response> response = respondents.response(closed.responseId());
        CustomerProfile customer = response.flatMap(respondents::profileOf).orElse(null);
        String email = customer == null ? null : customer.email();
        String language = response.map(Response::language).orElse("en");
        Instant resurveyAt = email == null ? null : scheduleResurvey(closed, customer,
                response.map(Response::language).orElse(null), at);
        if (!notify) {
            return new Outcome.Closed(closed, false, "not requested", resurveyAt);
        }
        Optional<String> unsendable = unsendable(email);
        if (unsendable.isPresent()) {
            return new Outcome.Closed(closed, false, unsendable.get(), resurveyAt);
        }
        ledger.once("close#" + caseId + "#customer", at, () -> mailer.send(CustomerEmail.build(
                CustomerEmail.Purpose.CASE_FOLLOW_UP, email, language, request.customerMessage(),
                unsubscribe.urlFor(email, at), brand)));
        return new Outcome.Closed(closed, true, null, resurveyAt);
    }

    /**
     * What closing with {@code customerMessage} would email the customer — the same email, in their language — and
     * whether it would go; nothing is changed or sent. The unsubscribe link is a stand-in (a real one is made at
     * sending), so the preview carries no working token.
     */
    public PreviewOutcome preview(String caseId, String customerMessage) {
        if (customerMessage == null || customerMessage.isBlank() || customerMessage.length() > MAX_MESSAGE) {
            return new PreviewOutcome.Invalid(new Problem("customerMessage", "is required (at most 5000 characters)"));
        }
        Optional<FollowUpCase> found = cases.find(caseId);
        if (found.isEmpty()) {
            return new PreviewOutcome.NotFound(caseId);
        }
        Optional<Response> response = respondents.response(found.get().responseId());
        String email = response.flatMap(respondents::profileOf).map(CustomerProfile::email).orElse(null);
        String language = response.map(Response::language).orElse("en");
        return new PreviewOutcome.Previewed(email, language, CustomerEmail.build(CustomerEmail.Purpose.CASE_FOLLOW_UP,
                email == null ? "customer@example.invalid" : email, language, customerMessage, "#unsubscribe", brand),
                unsendable(email).orElse(null));
    }

    private Optional<String> unsendable(String email) {
        if (email == null) {
            return Optional.of("no email address for this customer");
        }
        return suppression.isSuppressed(email) ? Optional.of("the customer unsubscribed") : Optional.empty();
    }

    /** One re-survey per case (its id names the case); a repeated close keeps the first. */
    private Instant scheduleResurvey(FollowUpCase closed, CustomerProfile customer, String language, Instant at) {
        String id = "resurvey-" + closed.id();
        Instant due = at.plus(policy.get().resurveyDelay());
        outreach.schedule(new Outreach(id, Outreach.Kind.RESURVEY, closed.surveyId(), "email",
                new Customer(customer.id(), customer.email(), customer.phone(), customer.name(),
                        customer.language() != null ? customer.language() : language),
                customer.timeZone(), Map.of(), id, closed.id(), 0, due));
        return outreach.find(id).map(stored -> stored.outreach().dueAt()).orElse(due);
    }
}
