package io.halqe.domain.outreach;

import io.halqe.domain.suppression.SuppressionList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The contact policy at the door: every invitation — swept, sent through the API or dry-run — passes here. Checking
 * reads the contact log; admitting also claims the customer's contact slot atomically for capped kinds (so two
 * senders cannot both contact one person) and records re-surveys, which later invitations wait for.
 */
public final class ContactGate {

    private final ContactLog contacts;
    private final SuppressionList suppression;
    private final Supplier<ContactPolicy> policy;
    private final ZoneId defaultZone;
    private final java.util.function.Predicate<String> smsOptedOut;

    public ContactGate(ContactLog contacts, SuppressionList suppression, Supplier<ContactPolicy> policy,
                       ZoneId defaultZone) {
        this(contacts, suppression, policy, defaultZone, phone -> false);
    }

    /** {@code smsOptedOut}: the SMS channel's own opt-out list (phones that answered STOP). */
    public ContactGate(ContactLog contacts, SuppressionList suppression, Supplier<ContactPolicy> policy,
                       ZoneId defaultZone, java.util.function.Predicate<String> smsOptedOut) {
        this.contacts = contacts;
        this.suppression = suppression;
        this.policy = policy;
        this.defaultZone = defaultZone;
        this.smsOptedOut = smsOptedOut;
    }

    /** What the policy says about {@code candidate} at {@code at}, and when the customer was last contacted. */
    public record Check(ContactDecision decision, Optional<Instant> lastContact) {
    }

    public Check check(Outreach candidate, Instant at) {
        var last = contacts.lastContact(candidate.customerKey());
        return new Check(ContactRules.decide(candidate, at, policy.get(), suppressed(candidate), false, last,
                zoneOf(candidate)), last);
    }

    /** The policy, then — for capped kinds — the claim of the contact slot; a retried send of the same outreach passes. */
    public ContactDecision admit(Outreach due, Instant now, boolean answered) {
        ContactPolicy rules = policy.get();
        // the cap is the atomic claim below, not a read of the log
        ContactDecision decision = ContactRules.decide(due, now, rules, suppressed(due), answered, Optional.empty(),
                zoneOf(due));
        if (!(decision instanceof ContactDecision.Contact)) {
            return decision;
        }
        if (ContactRules.isCapped(due.kind())) {
            if (!contacts.claim(due.customerKey(), due.id(), now, now.minus(rules.capFor(due.surveyId())))) {
                return new ContactDecision.Skip("frequency_cap", "the customer was invited within the cap");
            }
        } else if (due.kind() == Outreach.Kind.RESURVEY) {
            contacts.record(due.customerKey(), due.id(), now);
        }
        return decision;
    }

    /** When the frequency cap lets the next invitation of this kind reach the customer (empty: now). */
    public Optional<Instant> nextAllowedAt(Outreach candidate, Instant now) {
        return contacts.lastContact(candidate.customerKey()).map(last -> last.plus(policy.get().capFor(candidate.surveyId())))
                .filter(allowed -> allowed.isAfter(now));
    }

    /** The person's address or phone is on the suppression list (they unsubscribed, bounced or were erased). */
    public boolean suppressedAnywhere(io.halqe.domain.core.Customer customer) {
        return suppression.isSuppressed(customer.email()) || suppression.isSuppressed(customer.phone());
    }

    public ContactPolicy policy() {
        return policy.get();
    }

    /** The address the channel uses (the email, or the phone for SMS) is suppressed, or the phone opted out of SMS. */
    private boolean suppressed(Outreach outreach) {
        boolean sms = outreach.channel().equals("sms");
        String address = sms ? outreach.customer().phone() : outreach.customer().email();
        return address != null && (suppression.isSuppressed(address) || sms && smsOptedOut.test(address));
    }

    private ZoneId zoneOf(Outreach outreach) {
        return ContactRules.zoneOf(outreach.timeZone(), defaultZone);
    }
}
