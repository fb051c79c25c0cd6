package io.halqe.domain.cases;

import io.halqe.domain.events.CaseOpened;
import io.halqe.domain.events.EventPublisher;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.text.Html;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in detractor rule: one case per response, due after the SLA, owned by the team routing chose (else the
 * default team) and by the customer's account owner when routing named one; the owner gets an email and the team an
 * SNS alert — each at most once per response however often the event arrives.
 */
public final class AlertOnDetractor {

    public static final String RULE_ID = "detractor";

    private final CaseRepository cases;
    private final TeamDirectory teams;
    private final Mailer mailer;
    private final Notifier notifier;
    private final EventPublisher events;
    private final DeliveryLedger ledger;
    private final AlertSettings settings;

    public AlertOnDetractor(CaseRepository cases, TeamDirectory teams, Mailer mailer, Notifier notifier,
                            EventPublisher events, DeliveryLedger ledger, AlertSettings settings) {
        this.cases = cases;
        this.teams = teams;
        this.mailer = mailer;
        this.notifier = notifier;
        this.events = events;
        this.ledger = ledger;
        this.settings = settings;
    }

    public FollowUpCase handle(ResponseEnriched response, Instant eventTime) {
        if (!"detractor".equals(response.npsCategory())) {
            throw new IllegalArgumentException("not a detractor: response " + response.responseId());
        }
        // routing decided who owns it: the first routed team, and an account owner over the team's owner
        String teamId = response.teams() == null || response.teams().isEmpty() ? settings.defaultTeam() : response.teams().get(0);
        Team team = teams.team(teamId).orElse(new Team(teamId, teamId, settings.defaultOwnerEmail()));
        String owner = response.owners() != null && !response.owners().isEmpty() ? response.owners().get(0)
                : team.ownerEmail() != null ? team.ownerEmail() : settings.defaultOwnerEmail();
        FollowUpCase opened = cases.openIfAbsent(new FollowUpCase(
                FollowUpCase.idFor(response.responseId()), response.responseId(), response.surveyId(), CaseStatus.OPEN,
                team.id(), owner, "Detractor (" + response.npsScore() + "/10)", response.npsScore(),
                response.comment(), response.language(), eventTime, eventTime.plus(settings.detractorSla())))
                .followUpCase();
        String once = RULE_ID + "#" + response.responseId();
        exactlyOnce(once + "#email", eventTime, () -> mailer.send(ownerEmail(opened, team)));
        exactlyOnce(once + "#sns", eventTime, () -> notifier.publish(teamAlert(opened)));
        exactlyOnce(once + "#event", eventTime, () -> events.publish(List.of(new CaseOpened(CaseOpened.VERSION,
                opened.id(), opened.responseId(), opened.surveyId(), opened.team(), opened.owner(), opened.dueAt(),
                opened.reason()))));
        return opened;
    }

    /** Claim, act, and give the claim back if acting failed so the retry can act. */
    private void exactlyOnce(String key, Instant at, Runnable action) {
        if (!ledger.claim(key, at)) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException failure) {
            ledger.release(key);
            throw failure;
        }
    }

    private Mailer.Email ownerEmail(FollowUpCase opened, Team team) {
        String comment = opened.comment() == null ? "(no comment)" : opened.comment();
        String link = settings.publicBaseUrl() == null || settings.publicBaseUrl().isBlank() ? null
                : settings.publicBaseUrl() + "/api/cases/" + opened.id();
        String subject = Html.singleLine("[Halqe] " + opened.reason() + " on " + opened.surveyId()
                + " — case " + opened.id());
        String text = """
                A detractor answered %s with %s/10.

                Comment:
                %s

                Case %s for team %s, due %s.%s
                """.formatted(opened.surveyId(), opened.npsScore(), comment, opened.id(), team.name(), opened.dueAt(),
                link == null ? "" : "\nOpen it: " + link);
        String html = """
                <!doctype html><html><body style="font-family:sans-serif">
                <p>A detractor answered <b>%s</b> with <b>%s/10</b>.</p>
                <blockquote dir="auto" style="border-left:3px solid #c33;padding-left:8px">%s</blockquote>
                <p>Case <b>%s</b> for team %s, due %s.</p>%s
                </body></html>
                """.formatted(Html.escape(opened.surveyId()), opened.npsScore(),
                Html.escape(comment).replace("\n", "<br>"), Html.escape(opened.id()), Html.escape(team.name()),
                opened.dueAt(), link == null ? "" : "<p><a href=\"" + Html.escape(link) + "\">Open the case</a></p>");
        return new Mailer.Email(List.of(opened.owner()), subject, text, html);
    }

    private static Notifier.Notification teamAlert(FollowUpCase opened) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("version", "1");
        message.put("rule", RULE_ID);
        message.put("severity", "high");
        message.put("caseId", opened.id());
        message.put("responseId", opened.responseId());
        message.put("surveyId", opened.surveyId());
        message.put("team", opened.team());
        message.put("owner", opened.owner());
        message.put("npsScore", opened.npsScore());
        message.put("comment", opened.comment());
        message.put("language", opened.language());
        message.put("dueAt", opened.dueAt().toString());
        return new Notifier.Notification(Html.singleLine(opened.reason() + " on " + opened.surveyId()), message,
                Map.of("team", opened.team(), "severity", "high", "surveyId", opened.surveyId()));
    }
}
