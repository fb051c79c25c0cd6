package io.halqe.domain.outreach;

import io.halqe.domain.parking.Retries;

import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.core.Undeliverable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends what has fallen due, in bounded batches, under the contact policy. Overlapping sweeps are safe: each item is
 * claimed with a conditional write before anything else, the customer's contact slot is claimed atomically, and a
 * failed send gives the item back to be retried — so an invitation goes out at most once. After an invitation, its
 * reminders (and the next relationship survey, if the survey has a cadence) are scheduled. Each item is handled on its
 * own: one that fails is retried with backoff ({@link Retries#backoff}) and parked after {@link Retries#MAX_ATTEMPTS}, one the
 * provider refuses for good ({@link Undeliverable}) is parked at once, and the sweep goes on with the others.
 */
public final class SweepDueOutreach {

    public static final int BATCH = 100;

    private final OutreachRepository outreach;
    private final ContactGate gate;
    private final AnswerLookup answers;
    private final InvitationSender sender;
    private final ZoneId defaultZone;

    public SweepDueOutreach(OutreachRepository outreach, ContactGate gate, AnswerLookup answers, InvitationSender sender,
                            ZoneId defaultZone) {
        this.outreach = outreach;
        this.gate = gate;
        this.answers = answers;
        this.sender = sender;
        this.defaultZone = defaultZone;
    }

    /** What the sweep did; {@code failures} went on being handled (retried later, or parked). */
    public record Swept(int sent, int skipped, int deferred, List<ItemFailure> failures) {
    }

    public Swept sweep(Instant now) {
        ContactPolicy rules = gate.policy();
        int sent = 0;
        int skipped = 0;
        int deferred = 0;
        List<ItemFailure> failures = new ArrayList<>();
        for (Outreach due : outreach.due(now, BATCH)) {
            if (!outreach.claim(due, now)) {
                continue;
            }
            try {
                switch (decide(due, now)) {
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
            } catch (Undeliverable refused) {
                outreach.park(due, ItemFailure.reason(refused), now);
                failures.add(new ItemFailure(due.id(), "parked", refused));
            } catch (RuntimeException failure) {
                int attempts = outreach.recordFailure(due, ItemFailure.reason(failure));
                if (attempts >= Retries.MAX_ATTEMPTS) {
                    outreach.park(due, ItemFailure.reason(failure), now);
                    failures.add(new ItemFailure(due.id(), "parked after " + attempts + " attempts", failure));
                } else {
                    outreach.release(due, now.plus(Retries.backoff(attempts)));
                    failures.add(new ItemFailure(due.id(), "retried in " + Retries.backoff(attempts), failure));
                }
            }
        }
        return new Swept(sent, skipped, deferred, List.copyOf(failures));
    }

    private ContactDecision decide(Outreach due, Instant now) {
        boolean answered = due.kind() == Outreach.Kind.REMINDER && answers.answered(due.surveyId(), due.invitationId());
        return gate.admit(due, now, answered);
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
