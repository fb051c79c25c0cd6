package io.halqe.domain.outreach;

import io.halqe.domain.suppression.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Sends what has fallen due, in bounded batches, under the contact policy. Overlapping sweeps are safe: each item is
 * claimed with a conditional write before anything else, the customer's contact slot is claimed atomically, and a
 * failed send gives the item back to be retried — so an invitation goes out at most once. After an invitation, its
 * reminders (and the next relationship survey, if the survey has a cadence) are scheduled.
 */
public final class SweepDueOutreach {

    public static final int BATCH = 100;

    private final OutreachRepository outreach;
    private final ContactLog contacts;
    private final SuppressionList suppression;
    private final AnswerLookup answers;
    private final InvitationSender sender;
    private final Supplier<ContactPolicy> policy;
    private final ZoneId defaultZone;

    public SweepDueOutreach(OutreachRepository outreach, ContactLog contacts, SuppressionList suppression,
                            AnswerLookup answers, InvitationSender sender, Supplier<ContactPolicy> policy,
                            ZoneId defaultZone) {
        this.outreach = outreach;
        this.contacts = contacts;
        this.suppression = suppression;
        this.answers = answers;
        this.sender = sender;
        this.policy = policy;
        this.defaultZone = defaultZone;
    }

    public record Swept(int sent, int skipped, int deferred) {
    }

    public Swept sweep(Instant now) {
        ContactPolicy rules = policy.get();
        int sent = 0;
        int skipped = 0;
        int deferred = 0;
        for (Outreach due : outreach.due(now, BATCH)) {
            if (!outreach.claim(due, now)) {
                continue;
            }
            try {
                switch (decide(due, now, rules)) {
                    case ContactDecision.Contact contact -> {
                        if (sender.send(due, now)) {
                            outreach.markSent(due, now);
                            scheduleFollowUps(due, now, rules);
                            sent++;
                        } else {
                            outreach.markSkipped(due, "survey_not_found", now);
                            skipped++;
                        }
                    }
                    case ContactDecision.Defer defer -> {
                        outreach.release(due, defer.until());
                        deferred++;
                    }
                    case ContactDecision.Skip skip -> {
                        outreach.markSkipped(due, skip.reason(), now);
                        skipped++;
                    }
                }
            } catch (RuntimeException failure) {
                outreach.release(due, due.dueAt());
                throw failure;
            }
        }
        return new Swept(sent, skipped, deferred);
    }

    /** The policy, then — for capped kinds — the atomic claim of the customer's contact slot. */
    private ContactDecision decide(Outreach due, Instant now, ContactPolicy rules) {
        boolean answered = due.kind() == Outreach.Kind.REMINDER && answers.answered(due.surveyId(), due.invitationId());
        // the cap is the atomic claim below (which lets a retried send of this same outreach through)
        ContactDecision decision = ContactRules.decide(due, now, rules,
                due.channel().equals("email") && suppression.isSuppressed(due.customer().email()), answered,
                java.util.Optional.empty(), ContactRules.zoneOf(due.timeZone(), defaultZone));
        if (!(decision instanceof ContactDecision.Contact)) {
            return decision;
        }
        if (ContactRules.isCapped(due.kind())) {
            Instant capStart = now.minus(rules.capFor(due.surveyId()));
            if (!contacts.claim(due.customerKey(), due.id(), now, capStart)) {
                return new ContactDecision.Skip("frequency_cap", "the customer was invited within the cap");
            }
        } else if (due.kind() == Outreach.Kind.RESURVEY) {
            contacts.record(due.customerKey(), due.id(), now);
        }
        return decision;
    }

    private void scheduleFollowUps(Outreach sent, Instant now, ContactPolicy rules) {
        if (sent.reminder() < rules.maxReminders()) {
            int next = sent.reminder() + 1;
            String base = sent.kind() == Outreach.Kind.REMINDER ? sent.id().substring(0, sent.id().lastIndexOf("-r"))
                    : sent.id();
            outreach.schedule(new Outreach(base + "-r" + next, Outreach.Kind.REMINDER, sent.surveyId(), sent.channel(),
                    sent.customer(), sent.timeZone(), sent.hidden(), sent.invitationId(), sent.caseId(), next,
                    now.plus(rules.reminderDelay())));
        }
        Integer cadenceDays = rules.relationshipCadenceDays().get(sent.surveyId());
        if (cadenceDays != null && sent.kind() != Outreach.Kind.REMINDER) {
            Instant nextDue = now.plus(Duration.ofDays(cadenceDays));
            String id = "rel-" + sent.surveyId() + "-" + sent.customerKey().replace(':', '_') + "-"
                    + LocalDate.ofInstant(nextDue, defaultZone);
            outreach.schedule(new Outreach(id, Outreach.Kind.RELATIONSHIP, sent.surveyId(), sent.channel(),
                    sent.customer(), sent.timeZone(), sent.hidden(), id, null, 0, nextDue));
        }
    }
}
