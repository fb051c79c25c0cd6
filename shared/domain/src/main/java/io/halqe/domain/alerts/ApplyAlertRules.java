package io.halqe.domain.alerts;

import io.halqe.domain.cases.CaseRepository;
import io.halqe.domain.cases.CaseStatus;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.cases.FollowUpCase;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.ChatPoster;
import io.halqe.domain.core.Team;
import io.halqe.domain.core.TeamDirectory;
import io.halqe.domain.events.CaseOpened;
import io.halqe.domain.events.EventPublisher;
import io.halqe.domain.events.ResponseEnriched;
import io.halqe.domain.text.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Every send about one response is claimed in one ledger write and marked done in another.
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
    private final ChatPoster chat;

    /** {@code stored} tells whether a response (survey id, response id) is in the Responses table. */
    public ApplyAlertRules(AlertRuleMatcher matcher, CaseRepository cases, TeamDirectory teams, Mailer mailer,
                           Notifier notifier, EventPublisher events, DeliveryLedger ledger, DigestStore digests,
                           AlertSettings settings, AlertStorms storms, BiPredicate<String, String> stored) {
        this(matcher, cases, teams, mailer, notifier, events, ledger, digests, settings, storms, stored,
                (url, message) -> {
                    throw new IllegalStateException("no chat is wired to these alert rules");
                });
    }

    /** {@code chat}: where the immediate alerts of a team with a Slack URL are posted too. */
    public ApplyAlertRules(AlertRuleMatcher matcher, CaseRepository cases, TeamDirectory teams, Mailer mailer,
                           Notifier notifier, EventPublisher events, DeliveryLedger ledger, DigestStore digests,
                           AlertSettings settings, AlertStorms storms, BiPredicate<String, String> stored,
                           ChatPoster chat) {
        this.chat = chat;
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

    /**
     * Which rules matched, and the response's case if one of them opened it; {@code caseOpened} when this event opened
     * it (not one open already).
     */
    public record Outcome(List<String> rules, Optional<FollowUpCase> followUpCase, boolean caseOpened) {
    }

    public Outcome handle(ResponseEnriched response, Instant eventTime) {
        // an imported answer is never alerting; should one reach us anyway, it still acts on nothing
        List<AlertRule> matched = response.historical() ? List.of() : matcher.matching(response);
        // the bus is not proof: an event about a response that was never stored (forged) opens and sends nothing
        if (!matched.isEmpty() && !stored.test(response.surveyId(), response.responseId())) {
            return new Outcome(List.of(), Optional.empty(), false);
        }
        AlertRule caseRule = matched.stream().filter(rule -> rule.actions().openCase() != null).findFirst().orElse(null);
        Sends sends = new Sends(response.responseId(), eventTime, sendKeys(caseRule, matched, response));
        // each team is read once per event: the case and every rule naming the same team share the read
        Map<String, Team> teamsRead = new HashMap<>();
        CaseRepository.Opened opened = null;
        try {
            // the case first, so every rule's email and alert can link to it
            opened = caseRule == null ? null : openCase(caseRule, response, eventTime, sends, teamsRead);
            for (AlertRule rule : matched) {
                act(rule, response, opened == null ? null : opened.followUpCase(), eventTime, sends, teamsRead);
            }
        } finally {
            sends.settle();
        }
        return new Outcome(matched.stream().map(AlertRule::id).toList(),
                Optional.ofNullable(opened).map(CaseRepository.Opened::followUpCase), opened != null && opened.created());
    }

    /** What is sent at most once about a response: its case's CaseOpened, each rule's immediate email and SNS alert. */
    private static List<String> sendKeys(AlertRule caseRule, List<AlertRule> matched, ResponseEnriched response) {
        List<String> keys = new ArrayList<>();
        if (caseRule != null) {
            keys.add(openedKey(FollowUpCase.idFor(response.responseId())));
        }
        for (AlertRule rule : matched) {
            if (rule.actions().emailsNow()) {
                keys.add(onceKey(rule, response) + "#email");
            }
            if (rule.actions().sns()) {
                keys.add(onceKey(rule, response) + "#sns");
            }
            if (rule.actions().emailsNow() || rule.actions().sns()) {
                // posted when the rule's team has a chat; marked done without a post when it has none
                keys.add(onceKey(rule, response) + "#chat");
            }
        }
        return keys;
    }

    private static String openedKey(String caseId) {
        return "case#" + caseId + "#opened";
    }

    private static String onceKey(AlertRule rule, ResponseEnriched response) {
        return rule.id() + "#" + response.responseId();
    }

    /**
     * A response's sends, claimed together in one ledger write; once tried, the ones done are completed together and
     * the rest (the one that failed, those not reached) given back, so a redelivery sends exactly those.
     */
    private final class Sends {
        private final String group;
        private final Instant at;
        private final Set<String> owned;
        private final List<String> done = new ArrayList<>();

        Sends(String responseId, Instant at, List<String> keys) {
            this.group = "alerts#" + responseId;
            this.at = at;
            this.owned = keys.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(ledger.claimAll(group, keys, at));
        }

        boolean owns(String key) {
            return owned.contains(key);
        }

        void done(String key) {
            owned.remove(key);
            done.add(key);
        }

        void settle() {
            if (!done.isEmpty()) {
                ledger.completeAll(group, done, at);
            }
            if (!owned.isEmpty()) {
                ledger.releaseAll(group, owned);
            }
        }
    }

    private CaseRepository.Opened openCase(AlertRule rule, ResponseEnriched response, Instant eventTime, Sends sends,
                                           Map<String, Team> teamsRead) {
        Team team = team(rule, response, teamsRead);
        String owner = accountOwner(response).orElseGet(() -> teamOwner(team));
        String reason = rule.name() + (response.npsScore() == null ? "" : " (" + response.npsScore() + "/10)");
        CaseRepository.Opened result = cases.openIfAbsent(new FollowUpCase(
                FollowUpCase.idFor(response.responseId()), response.responseId(), response.surveyId(), CaseStatus.OPEN,
                team.id(), owner, reason, response.npsScore(), response.comment(), response.language(), eventTime,
                eventTime.plus(Duration.parse(rule.actions().openCase().dueIn()))));
        FollowUpCase opened = result.followUpCase();
        String key = openedKey(opened.id());
        if (sends.owns(key)) {
            events.publish(List.of(new CaseOpened(CaseOpened.VERSION, opened.id(), opened.responseId(),
                    opened.surveyId(), opened.team(), opened.owner(), opened.dueAt(), opened.reason())));
            sends.done(key);
        }
        return result;
    }

    private void act(AlertRule rule, ResponseEnriched response, FollowUpCase opened, Instant eventTime, Sends sends,
                     Map<String, Team> teamsRead) {
        Team team = opened != null && rule.actions().openCase() != null ? teamById(opened.team(), teamsRead)
                : team(rule, response, teamsRead);
        List<String> recipients = recipients(rule, response, team);
        String email = onceKey(rule, response) + "#email";
        String sns = onceKey(rule, response) + "#sns";
        String chatKey = onceKey(rule, response) + "#chat";
        // the hour's storm quota, counted for this rule's channels in one go
        List<String> channels = new ArrayList<>();
        if (rule.actions().emailsNow() && sends.owns(email)) {
            channels.add("email");
        }
        if (rule.actions().sns() && sends.owns(sns)) {
            channels.add("sns");
        }
        if (team.slackWebhookUrl() != null && sends.owns(chatKey)) {
            channels.add("chat");
        }
        Set<String> admitted = storms.admitted(response.surveyId(), rule.id(), channels, eventTime);
        if (rule.actions().emailsNow()) {
            if (sends.owns(email)) {
                storms.sendOrFold(admitted.contains("email"),
                        () -> mailer.send(AlertEmails.immediate(rule, response, team, opened, recipients, settings)),
                        () -> recipients.stream().map(recipient -> entry(DigestPeriod.HOUR.id(), storms.hourKey(eventTime),
                                recipient, rule, team, response, opened, eventTime)).toList());
                sends.done(email);
            }
        } else if (rule.actions().collectsIntoDigest()) {
            DigestPeriod period = DigestPeriod.of(rule.actions().email());
            String periodKey = period.key(eventTime, settings.reportingZone(), settings.calendar());
            for (String recipient : recipients) {
                digests.add(entry(period.id(), periodKey, recipient, rule, team, response, opened, eventTime));
            }
        }
        if (rule.actions().sns() && sends.owns(sns)) {
            storms.sendOrFold(admitted.contains("sns"), () -> notifier.publish(teamAlert(rule, response, team, opened)),
                    () -> List.of(entry(DigestPeriod.HOUR.id(), storms.hourKey(eventTime), AlertStorms.TEAM_ALERTS, rule,
                            team, response, opened, eventTime)));
            sends.done(sns);
        }
        if (sends.owns(chatKey)) {
            // past the hour's quota a chat post is left out: the hour's summary email folds the alert in
            if (team.slackWebhookUrl() != null && admitted.contains("chat")) {
                chat.post(team.slackWebhookUrl(), ChatAlerts.immediate(rule, response, team, opened, settings));
            }
            sends.done(chatKey);
        }
    }

    private static DigestEntry entry(String period, String periodKey, String recipient, AlertRule rule, Team team,
                                     ResponseEnriched response, FollowUpCase opened, Instant at) {
        return new DigestEntry(period, periodKey, recipient, rule.id(), rule.name(), rule.severity(), team.id(),
                response.responseId(), response.surveyId(), response.npsScore(), response.comment(), response.sentiment(),
                response.themes(), response.feedbackType(), response.customer() == null ? null : response.customer().name(),
                opened == null ? null : opened.id(), at, team.language());
    }

    private Team team(AlertRule rule, ResponseEnriched response, Map<String, Team> teamsRead) {
        String teamId = rule.team() != null ? rule.team()
                : response.teams() == null || response.teams().isEmpty() ? settings.defaultTeam() : response.teams().get(0);
        return teamById(teamId, teamsRead);
    }

    private Team teamById(String teamId, Map<String, Team> teamsRead) {
        return teamsRead.computeIfAbsent(teamId, id -> teams.team(id).orElse(new Team(id, id, null)));
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
                Map.of("team", team.snsFilterValue(), "severity", rule.severity(), "surveyId", response.surveyId(),
                        "rule", rule.id()));
    }
}
