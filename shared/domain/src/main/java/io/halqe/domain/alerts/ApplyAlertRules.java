package io.halqe.domain.alerts;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.events.CaseOpened;
import io.halqe.domain.events.EventPublisher;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.text.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Runs the alert rules that match an enriched response. The response gets at most one case (the first matching rule
 * that opens one decides its team, owner and due time); each rule's email and SNS publish happen at most once per
 * (rule, response) however often the event arrives, and a failed send gives its claim back so the retry sends it.
 * Only responses that are stored are acted on: an event is a notice, not proof.
 */
public final class ApplyAlertRules {

    private final AlertRuleMatcher matcher;
    private final CaseRepository cases;
    private final TeamDirectory teams;
    private final Mailer mailer;
    private final Notifier notifier;
    private final EventPublisher events;
    private final DeliveryLedger ledger;
    private final DigestStore digests;
    private final AlertSettings settings;
    private final AlertStorms storms;
    private final BiPredicate<String, String> stored;

    /** {@code stored} tells whether a response (survey id, response id) is in the Responses table. */
    public ApplyAlertRules(AlertRuleMatcher matcher, CaseRepository cases, TeamDirectory teams, Mailer mailer,
                           Notifier notifier, EventPublisher events, DeliveryLedger ledger, DigestStore digests,
                           AlertSettings settings, AlertStorms storms, BiPredicate<String, String> stored) {
        this.matcher = matcher;
        this.cases = cases;
        this.teams = teams;
        this.mailer = mailer;
        this.notifier = notifier;
        this.events = events;
        this.ledger = ledger;
        this.digests = digests;
        this.settings = settings;
        this.storms = storms;
        this.stored = stored;
    }

    /** Which rules matched, and the response's case if one of them opened it. */
    public record Outcome(List<String> rules, Optional<FollowUpCase> followUpCase) {
    }

    public Outcome handle(ResponseEnriched response, Instant eventTime) {
        List<AlertRule> matched = matcher.matching(response);
        // the bus is not proof: an event about a response that was never stored (forged) opens and sends nothing
        if (!matched.isEmpty() && !stored.test(response.surveyId(), response.responseId())) {
            return new Outcome(List.of(), Optional.empty());
        }
        // the case first, so every rule's email and alert can link to it
        FollowUpCase opened = matched.stream().filter(rule -> rule.actions().openCase() != null).findFirst()
                .map(rule -> openCase(rule, response, eventTime)).orElse(null);
        for (AlertRule rule : matched) {
            act(rule, response, opened, eventTime);
        }
        return new Outcome(matched.stream().map(AlertRule::id).toList(), Optional.ofNullable(opened));
    }

    private FollowUpCase openCase(AlertRule rule, ResponseEnriched response, Instant eventTime) {
        Team team = team(rule, response);
        String owner = accountOwner(response).orElseGet(() -> teamOwner(team));
        String reason = rule.name() + (response.npsScore() == null ? "" : " (" + response.npsScore() + "/10)");
        FollowUpCase opened = cases.openIfAbsent(new FollowUpCase(
                FollowUpCase.idFor(response.responseId()), response.responseId(), response.surveyId(), CaseStatus.OPEN,
                team.id(), owner, reason, response.npsScore(), response.comment(), response.language(), eventTime,
                eventTime.plus(Duration.parse(rule.actions().openCase().dueIn())))).followUpCase();
        ledger.once("case#" + opened.id() + "#opened", eventTime, () -> events.publish(List.of(new CaseOpened(
                CaseOpened.VERSION, opened.id(), opened.responseId(), opened.surveyId(), opened.team(), opened.owner(),
                opened.dueAt(), opened.reason()))));
        return opened;
    }

    private void act(AlertRule rule, ResponseEnriched response, FollowUpCase opened, Instant eventTime) {
        Team team = opened != null && rule.actions().openCase() != null ? teamById(opened.team()) : team(rule, response);
        List<String> recipients = recipients(rule, response, team);
        String once = rule.id() + "#" + response.responseId();
        if (rule.actions().emailsNow()) {
            ledger.once(once + "#email", eventTime, () -> storms.sendOrFold(response.surveyId(), rule.id(), "email",
                    eventTime, () -> mailer.send(AlertEmails.immediate(rule, response, team, opened, recipients, settings)),
                    () -> recipients.stream().map(recipient -> entry(DigestPeriod.HOUR.id(), storms.hourKey(eventTime),
                            recipient, rule, team, response, opened, eventTime)).toList()));
        } else if (rule.actions().collectsIntoDigest()) {
            DigestPeriod period = DigestPeriod.of(rule.actions().email());
            String periodKey = period.key(eventTime, settings.reportingZone());
            for (String recipient : recipients) {
                digests.add(entry(period.id(), periodKey, recipient, rule, team, response, opened, eventTime));
            }
        }
        if (rule.actions().sns()) {
            ledger.once(once + "#sns", eventTime, () -> storms.sendOrFold(response.surveyId(), rule.id(), "sns",
                    eventTime, () -> notifier.publish(teamAlert(rule, response, team, opened)),
                    () -> List.of(entry(DigestPeriod.HOUR.id(), storms.hourKey(eventTime), AlertStorms.TEAM_ALERTS, rule,
                            team, response, opened, eventTime))));
        }
    }

    private static DigestEntry entry(String period, String periodKey, String recipient, AlertRule rule, Team team,
                                     ResponseEnriched response, FollowUpCase opened, Instant at) {
        return new DigestEntry(period, periodKey, recipient, rule.id(), rule.name(), rule.severity(), team.id(),
                response.responseId(), response.surveyId(), response.npsScore(), response.comment(), response.sentiment(),
                response.themes(), response.feedbackType(), response.customer() == null ? null : response.customer().name(),
                opened == null ? null : opened.id(), at);
    }

    private Team team(AlertRule rule, ResponseEnriched response) {
        String teamId = rule.team() != null ? rule.team()
                : response.teams() == null || response.teams().isEmpty() ? settings.defaultTeam() : response.teams().get(0);
        return teamById(teamId);
    }

    private Team teamById(String teamId) {
        return teams.team(teamId).orElse(new Team(teamId, teamId, null));
    }

    private String teamOwner(Team team) {
        return team.ownerEmail() != null && !team.ownerEmail().isBlank() ? team.ownerEmail() : settings.defaultOwnerEmail();
    }

    private static Optional<String> accountOwner(ResponseEnriched response) {
        return response.owners() == null ? Optional.empty() : response.owners().stream().findFirst();
    }

    private List<String> recipients(AlertRule rule, ResponseEnriched response, Team team) {
        Set<String> to = new LinkedHashSet<>();
        for (String recipient : rule.actions().emailTo()) {
            switch (recipient) {
                case "owner" -> to.add(accountOwner(response).orElseGet(() -> teamOwner(team)));
                case "team" -> to.add(teamOwner(team));
                default -> to.add(recipient);
            }
        }
        return new ArrayList<>(to);
    }

    private static Notifier.Notification teamAlert(AlertRule rule, ResponseEnriched response, Team team,
                                                   FollowUpCase opened) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("version", "1");
        message.put("rule", rule.id());
        message.put("severity", rule.severity());
        message.put("responseId", response.responseId());
        message.put("surveyId", response.surveyId());
        message.put("team", team.id());
        message.put("customerId", response.customerId());
        message.put("npsScore", response.npsScore());
        message.put("comment", response.comment());
        message.put("language", response.language());
        message.put("sentiment", response.sentiment());
        message.put("themes", response.themes() == null ? List.of() : response.themes());
        message.put("feedbackType", response.feedbackType());
        if (opened != null) {
            message.put("caseId", opened.id());
            message.put("owner", opened.owner());
            message.put("dueAt", opened.dueAt().toString());
        }
        return new Notifier.Notification(Html.singleLine(rule.name() + " on " + response.surveyId()), message,
                Map.of("team", team.id(), "severity", rule.severity(), "surveyId", response.surveyId(),
                        "rule", rule.id()));
    }
}
