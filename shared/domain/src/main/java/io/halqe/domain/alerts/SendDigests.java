package io.halqe.domain.alerts;

import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.text.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends each recipient one email per closed day or week with the matches collected for them. A period is sent once
 * it has been over for {@link #GRACE} (late and retried events still land in it first), and the one before it is
 * retried too, so a missed run catches up; the delivery ledger makes each (period, recipient) go out once.
 */
public final class SendDigests {

    /** Longer than EventBridge's retry window on the alerts rule (1 hour) plus Lambda's async retries. */
    public static final Duration GRACE = Duration.ofHours(2);

    private final DigestStore digests;
    private final Mailer mailer;
    private final Notifier notifier;
    private final DeliveryLedger ledger;
    private final AlertSettings settings;

    public SendDigests(DigestStore digests, Mailer mailer, Notifier notifier, DeliveryLedger ledger, AlertSettings settings) {
        this.digests = digests;
        this.mailer = mailer;
        this.notifier = notifier;
        this.ledger = ledger;
        this.settings = settings;
    }

    /** Returns how many digest emails went out. */
    public int send(Instant now) {
        int sent = 0;
        Instant settled = now.minus(GRACE);
        for (DigestPeriod period : DigestPeriod.values()) {
            Instant lastClosed = period.previousStart(settled, settings.reportingZone());
            Instant beforeThat = period.previousStart(lastClosed, settings.reportingZone());
            for (Instant start : List.of(beforeThat, lastClosed)) {
                sent += sendPeriod(period, period.key(start, settings.reportingZone()), now);
            }
        }
        return sent;
    }

    private int sendPeriod(DigestPeriod period, String periodKey, Instant now) {
        Map<String, List<DigestEntry>> byRecipient = digests.entries(period, periodKey).stream()
                .sorted(java.util.Comparator.comparing(DigestEntry::at))
                .collect(Collectors.groupingBy(DigestEntry::recipient, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        RuntimeException firstFailure = null;
        for (var recipient : byRecipient.entrySet()) {
            String key = "digest#" + period.id() + "#" + periodKey + "#" + recipient.getKey();
            try {
                if (recipient.getKey().equals(AlertStorms.TEAM_ALERTS)) {
                    sent += publishStormSummaries(key, periodKey, recipient.getValue(), now);
                } else if (ledger.once(key, now, () -> mailer.send(
                        AlertEmails.digest(recipient.getKey(), period, periodKey, recipient.getValue(), settings)))) {
                    sent++;
                }
            } catch (RuntimeException failure) {
                // every other recipient still gets theirs; the retry sends this one alone (the others are claimed)
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return sent;
    }

    /** One SNS message per rule and survey for the alerts an hour's storm folded. */
    private int publishStormSummaries(String key, String hour, List<DigestEntry> folded, Instant now) {
        int sent = 0;
        Map<List<String>, List<DigestEntry>> byRuleAndSurvey = folded.stream().collect(Collectors.groupingBy(
                entry -> List.of(entry.ruleId(), entry.surveyId()), LinkedHashMap::new, Collectors.toList()));
        for (var group : byRuleAndSurvey.entrySet()) {
            DigestEntry first = group.getValue().getFirst();
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("version", "1");
            message.put("kind", "alert-storm-summary");
            message.put("rule", first.ruleId());
            message.put("surveyId", first.surveyId());
            message.put("hour", hour);
            message.put("folded", group.getValue().size());
            message.put("caseIds", group.getValue().stream().map(DigestEntry::caseId).filter(java.util.Objects::nonNull).toList());
            if (ledger.once(key + "#" + first.ruleId() + "#" + first.surveyId(), now, () -> notifier.publish(
                    new Notifier.Notification(Html.singleLine("Alert storm: " + group.getValue().size() + " more of "
                            + first.ruleName() + " on " + first.surveyId() + " in " + hour), message,
                            Map.of("severity", first.severity(), "surveyId", first.surveyId(), "rule", first.ruleId(),
                                    "team", first.team()))))) {
                sent++;
            }
        }
        return sent;
    }
}
