package io.halqe.domain.alerts;


import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.core.Undeliverable;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.domain.parking.Retries;
import io.halqe.domain.text.Html;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case still open, acknowledged or in progress past its due time escalates once: the escalation contact gets an
 * email, the alerts topic an SNS message (rule {@code sla-escalation}, severity high), and the case {@code escalatedAt}.
 * Sends are claimed in the delivery ledger first and the mark comes last, so a failed send is retried by a later
 * sweep and overlapping sweeps send once. A case whose escalation fails waits out a growing pause
 * ({@link Retries#backoff}) and is parked after {@link Retries#MAX_ATTEMPTS}, or at once when the provider refuses the
 * address for good; the others escalate meanwhile.
 */
public final class EscalateOverdueCases {

    public static final String RULE = "sla-escalation";
    private static final List<CaseStatus> UNRESOLVED = List.of(CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED,
            CaseStatus.IN_PROGRESS);
    /** Cases escalated per sweep and status; the next sweep takes the rest. */
    static final int BATCH = 100;

    private final CaseRepository cases;
    private final Mailer mailer;
    private final Notifier notifier;
    private final DeliveryLedger ledger;
    private final String escalationContact;
    private final String publicBaseUrl;
    private final AlertStorms storms;
    private final ParkedWork parked;
    private final java.util.function.Function<Instant, String> dates;
    /** The case's team, for the language the email is written in; null: English. */
    private final TeamDirectory teams;

    /** Dates in emails as ISO instants (the Gregorian reporting calendar), in English. */
    public EscalateOverdueCases(CaseRepository cases, Mailer mailer, Notifier notifier, DeliveryLedger ledger,
                                String escalationContact, String publicBaseUrl, AlertStorms storms, ParkedWork parked) {
        this(cases, mailer, notifier, ledger, escalationContact, publicBaseUrl, storms, parked, Instant::toString);
    }

    /** {@code dates}: how the email writes a moment for the team ({@link AlertSettings#date}); in English. */
    public EscalateOverdueCases(CaseRepository cases, Mailer mailer, Notifier notifier, DeliveryLedger ledger,
                                String escalationContact, String publicBaseUrl, AlertStorms storms, ParkedWork parked,
                                java.util.function.Function<Instant, String> dates) {
        this(cases, mailer, notifier, ledger, escalationContact, publicBaseUrl, storms, parked, dates, null);
    }

    /** {@code teams}: the email is written in the language of the case's team, and in its digits. */
    public EscalateOverdueCases(CaseRepository cases, Mailer mailer, Notifier notifier, DeliveryLedger ledger,
                                String escalationContact, String publicBaseUrl, AlertStorms storms, ParkedWork parked,
                                java.util.function.Function<Instant, String> dates, TeamDirectory teams) {
        this.dates = dates;
        this.teams = teams;
        this.cases = cases;
        this.mailer = mailer;
        this.notifier = notifier;
        this.ledger = ledger;
        this.escalationContact = escalationContact;
        this.publicBaseUrl = publicBaseUrl;
        this.storms = storms;
        this.parked = parked;
    }

    /** How many cases this sweep escalated, and the ones that failed (retried later, or parked). */
    public record Escalated(int escalated, List<ItemFailure> failures) {
    }

    /** Each case on its own: one whose send fails is retried later or parked, and the others still escalate. */
    public Escalated escalate(Instant now) {
        int escalated = 0;
        List<ItemFailure> failures = new ArrayList<>();
        for (CaseStatus status : UNRESOLVED) {
            for (FollowUpCase overdue : cases.overdue(status, now, BATCH)) {
                try {
                    if (escalate(overdue, now)) {
                        escalated++;
                    }
                } catch (RuntimeException failure) {
                    failures.add(failed(overdue, failure, now));
                }
            }
        }
        return new Escalated(escalated, List.copyOf(failures));
    }

    private ItemFailure failed(FollowUpCase overdue, RuntimeException failure, Instant now) {
        int attempts = cases.recordEscalationFailure(overdue.id());
        if (failure instanceof Undeliverable || attempts >= Retries.MAX_ATTEMPTS) {
            parked.park(ParkedWork.Parked.of(ParkedWork.Kind.ESCALATION, overdue.id(), ItemFailure.reason(failure),
                    attempts, now, java.util.Map.of()));
            cases.parkEscalation(overdue.id());
            return new ItemFailure(overdue.id(), "parked after " + attempts + " attempts", failure);
        }
        cases.deferEscalation(overdue.id(), now.plus(Retries.backoff(attempts)));
        return new ItemFailure(overdue.id(), "retried in " + Retries.backoff(attempts), failure);
    }

    private boolean escalate(FollowUpCase overdue, Instant now) {
        String once = "escalate#" + overdue.id();
        // the case's team is read once, for both sends
        String language = language(overdue);
        // past the hour's quota an escalation is folded into the hour's summary, as alert rules are
        ledger.once(once + "#email", now, () -> storms.sendOrFold(overdue.surveyId(), RULE, "email", now,
                () -> mailer.send(email(overdue, now, language)),
                () -> List.of(folded(escalationContact, overdue, now, language))));
        ledger.once(once + "#sns", now, () -> storms.sendOrFold(overdue.surveyId(), RULE, "sns", now,
                () -> notifier.publish(alert(overdue, now)),
                () -> List.of(folded(AlertStorms.TEAM_ALERTS, overdue, now, language))));
        return cases.markEscalated(overdue.id(), now);
    }

    private DigestEntry folded(String recipient, FollowUpCase overdue, Instant now, String language) {
        return new DigestEntry(DigestPeriod.HOUR.id(), storms.hourKey(now), recipient, RULE, "SLA escalation", "high",
                overdue.team(), overdue.responseId(), overdue.surveyId(), overdue.npsScore(), overdue.comment(), null,
                List.of(), null, null, overdue.id(), now, language);
    }

    /** The language the case's team reads; null (English) when unknown. */
    private String language(FollowUpCase overdue) {
        return teams == null ? null : teams.team(overdue.team()).map(io.halqe.domain.core.Team::language).orElse(null);
    }

    private Mailer.Email email(FollowUpCase overdue, Instant now, String language) {
        TeamTexts t = TeamTexts.of(language);
        String link = AlertSettings.caseLink(publicBaseUrl, overdue.id());
        String subject = Html.singleLine("[Halqe] " + t.format("overdueSubject", overdue.reason(), overdue.surveyId(),
                overdue.id()));
        String comment = overdue.comment() == null ? t.get("noComment") : overdue.comment();
        String due = t.figure(dates.apply(overdue.dueAt()));
        String text = t.format("overdueText", overdue.id(), overdue.status().wireName(), due,
                t.figure(dates.apply(now))) + "\n" + t.format("overdueTeam", overdue.team(), overdue.owner(),
                overdue.reason()) + "\n\n" + t.get("comment") + ":\n" + comment + "\n"
                + (link == null ? "" : "\n" + t.get("openIt") + ": " + link + "\n");
        String html = "<!doctype html><html" + t.htmlAttributes() + "><body style=\"font-family:sans-serif\">\n"
                + "<p>" + t.format("overdueHtml", Html.escape(overdue.id()), overdue.status().wireName(),
                Html.escape(due)) + "</p>\n"
                + "<p>" + Html.escape(t.format("overdueTeam", overdue.team(), overdue.owner(), overdue.reason()))
                + "</p>\n"
                + "<blockquote dir=\"auto\" style=\"border-" + t.start() + ":3px solid #c33;padding-" + t.start()
                + ":8px\">" + Html.escape(comment).replace("\n", "<br>") + "</blockquote>"
                + (link == null ? "" : "<p><a href=\"" + Html.escape(link) + "\">" + Html.escape(t.get("case"))
                + "</a></p>") + "\n</body></html>\n";
        return new Mailer.Email(List.of(escalationContact), subject, text, html);
    }

    private static Notifier.Notification alert(FollowUpCase overdue, Instant now) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("version", "1");
        message.put("rule", RULE);
        message.put("severity", "high");
        message.put("responseId", overdue.responseId());
        message.put("surveyId", overdue.surveyId());
        message.put("team", overdue.team());
        message.put("npsScore", overdue.npsScore());
        message.put("comment", overdue.comment());
        message.put("language", overdue.language());
        message.put("caseId", overdue.id());
        message.put("owner", overdue.owner());
        message.put("dueAt", overdue.dueAt().toString());
        message.put("escalatedAt", now.toString());
        return new Notifier.Notification(Html.singleLine("Overdue: " + overdue.reason() + " — case " + overdue.id()),
                message, Map.of("team", overdue.team(), "severity", "high", "surveyId", overdue.surveyId(),
                        "rule", RULE));
    }
}
