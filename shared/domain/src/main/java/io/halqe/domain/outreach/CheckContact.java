package io.halqe.domain.outreach;

import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Customer;
import java.time.Instant;

/**
 * {@code POST /api/outreach/dry-run}: would this customer be invited to this survey now — and if not, why? The same
 * rules as the sweep, reading but never claiming the customer's contact slot.
 */
public final class CheckContact {

    private final ContactGate gate;

    public CheckContact(ContactGate gate) {
        this.gate = gate;
    }

    public record Request(String surveyId, String channel, String kind, Customer customer, String timeZone, Instant at) {
    }

    public sealed interface Outcome {
        record Checked(ContactDecision decision, Instant lastContact) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    public Outcome check(Request request, Instant now) {
        if (request.surveyId() == null || request.surveyId().isBlank()) {
            return new Outcome.Invalid(new Problem("surveyId", "is required"));
        }
        if (request.customer() == null || (request.customer().id() == null && request.customer().email() == null)) {
            return new Outcome.Invalid(new Problem("customer", "needs an id or an email"));
        }
        var malformed = io.halqe.domain.customers.CustomerValidator.checkInvited(request.customer(), "customer.");
        if (malformed.isPresent()) {
            return new Outcome.Invalid(malformed.get());
        }
        if (request.timeZone() != null && !io.halqe.domain.customers.CustomerValidator.isTimeZone(request.timeZone())) {
            return new Outcome.Invalid(new Problem("timeZone", "must be a time zone such as Asia/Tehran"));
        }
        Outreach.Kind kind;
        try {
            kind = request.kind() == null ? Outreach.Kind.INVITATION : Outreach.Kind.fromWire(request.kind());
        } catch (IllegalArgumentException unknown) {
            return new Outcome.Invalid(new Problem("kind", "must be invitation, reminder, resurvey or relationship"));
        }
        String channel = request.channel() == null ? "email" : request.channel();
        if (!channel.equals("email") && !channel.equals("sms")) {
            return new Outcome.Invalid(new Problem("channel", "must be email or sms"));
        }
        Instant at = request.at() == null ? now : request.at();
        Outreach candidate = new Outreach("dry-run", kind, request.surveyId(), channel, request.customer(),
                request.timeZone(), null, "dry-run", null, 0, at);
        ContactGate.Check check = gate.check(candidate, at);
        return new Outcome.Checked(check.decision(), check.lastContact().orElse(null));
    }
}
