package io.halqe.domain.outreach;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The contact policy applied to one outreach — the same rules for the sweep and the dry run. Re-surveys after a case
 * are exempt from the frequency cap (but counted by it); reminders belong to their invitation and are not counted.
 */
public final class ContactRules {

    private ContactRules() {
    }

    public static ContactDecision decide(Outreach outreach, Instant now, ContactPolicy policy, boolean suppressed,
                                         boolean answered, Optional<Instant> lastContact, ZoneId customerZone) {
        if (outreach.channel().equals("email") && (outreach.customer().email() == null
                || outreach.customer().email().isBlank())) {
            return new ContactDecision.Skip("no_address", "the customer has no email address");
        }
        if (outreach.channel().equals("sms") && (outreach.customer().phone() == null
                || outreach.customer().phone().isBlank())) {
            return new ContactDecision.Skip("no_address", "the customer has no phone number");
        }
        if (suppressed) {
            return new ContactDecision.Skip("suppressed", "the address unsubscribed, bounced or complained");
        }
        if (outreach.kind() == Outreach.Kind.REMINDER && answered) {
            return new ContactDecision.Skip("answered", "the customer answered the invitation");
        }
        if (isCapped(outreach.kind()) && lastContact.isPresent()) {
            Instant allowedFrom = lastContact.get().plus(policy.capFor(outreach.surveyId()));
            if (allowedFrom.isAfter(now)) {
                return new ContactDecision.Skip("frequency_cap", "last invited at " + lastContact.get()
                        + "; the next invitation may go out from " + allowedFrom);
            }
        }
        return policy.quietUntil(now, customerZone).<ContactDecision>map(ContactDecision.Defer::new)
                .orElseGet(ContactDecision.Contact::new);
    }

    /** Invitations and relationship surveys are held to the cap; re-surveys and reminders are not. */
    public static boolean isCapped(Outreach.Kind kind) {
        return kind == Outreach.Kind.INVITATION || kind == Outreach.Kind.RELATIONSHIP;
    }

    /** The customer's zone if it is a valid IANA id, else the fallback. */
    public static ZoneId zoneOf(String timeZone, ZoneId fallback) {
        try {
            return timeZone == null || timeZone.isBlank() ? fallback : ZoneId.of(timeZone);
        } catch (java.time.DateTimeException unknown) {
            return fallback;
        }
    }
}
