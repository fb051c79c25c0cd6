package io.halqe.domain.outreach;

import io.halqe.domain.core.Customer;
import java.time.Instant;
import java.util.Map;

/**
 * Pending contact with a customer, due at {@code dueAt}. {@code invitationId} names the signed link: an invitation,
 * re-survey or relationship survey is its own invitation; a reminder re-sends its invitation's link, so one answer
 * covers both. {@code caseId} is set on a re-survey after a case closed; {@code reminder} counts reminders (0 for the
 * invitation itself).
 */
public record Outreach(String id, Kind kind, String surveyId, String channel, Customer customer, String timeZone,
                       Map<String, String> hidden, String invitationId, String caseId, int reminder, Instant dueAt) {

    public enum Kind {
        INVITATION, REMINDER, RESURVEY, RELATIONSHIP;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Outreach {
        hidden = hidden == null ? Map.of() : Map.copyOf(hidden);
        channel = channel == null ? "email" : channel;
    }

    /** Who the frequency cap counts: the CRM id, else the email address, else the phone (an SMS-only trigger). */
    public String customerKey() {
        if (customer.id() != null) {
            return "id:" + customer.id();
        }
        if (customer.email() != null && !customer.email().isBlank()) {
            return "email:" + io.halqe.domain.text.EmailAddresses.canonical(customer.email());
        }
        return customer.phone() != null && !customer.phone().isBlank() ? "phone:" + customer.phone() : "outreach:" + id;
    }

    public Outreach withDueAt(Instant due) {
        return new Outreach(id, kind, surveyId, channel, customer, timeZone, hidden, invitationId, caseId, reminder, due);
    }
}
