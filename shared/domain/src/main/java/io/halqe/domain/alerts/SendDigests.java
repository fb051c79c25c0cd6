package io.halqe.domain.alerts;

import io.halqe.domain.core.Counters;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.core.Notifier;
import io.halqe.domain.core.Undeliverable;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.domain.parking.Retries;
import io.halqe.domain.scoring.ReportingCalendar;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.text.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends each recipient one email per closed day or week with the matches collected for them. A period is sent once
 * it has been over for {@link #GRACE} (late and retried events still land in it first), and the one before it is
 * retried too, so a missed run catches up; the delivery ledger makes each (period, recipient) go out once.
 * A recipient's digest that fails is tried again by the next hourly runs and parked after {@link Retries#MAX_ATTEMPTS}
 * attempts, or when its period would drop out of the runs, or at once when the address is refused for good; a team
 * re-queues it once the cause is fixed, and the next run sends it.
 */
public final class SendDigests {

    /** Longer than EventBridge's retry window on the alerts rule (1 hour) plus Lambda's async retries. */
    public static final Duration GRACE = Duration.ofHours(2);

    private final DigestStore digests;
    private final Mailer mailer;
    private final Notifier notifier;
    private final DeliveryLedger ledger;
    private final AlertSettings settings;
    private final Counters attempts;
    private final ParkedWork parked;

    public SendDigests(DigestStore digests, Mailer mailer, Notifier notifier, DeliveryLedger ledger, AlertSettings settings,
                       Counters attempts, ParkedWork parked) {
        this.digests = digests;
        this.mailer = mailer;
        this.notifier = notifier;
        this.ledger = ledger;
        this.settings = settings;
        this.attempts = attempts;
        this.parked = parked;
    }

    /** What a run sent, and the digests that failed (tried again by a later run, or parked). */
    public record Sent(int sent, List<ItemFailure> failures) {
    }

    public Sent send(Instant now) {
        Run run = new Run(now);
        for (ParkedWork.Parked requeued : parked.requeued(ParkedWork.Kind.DIGEST, 100)) {
            var detail = requeued.detail();
            DigestPeriod period = DigestPeriod.of(detail.get("period"));
            List<DigestEntry> entries = digests.entries(period, detail.get("periodKey")).stream()
                    .filter(entry -> entry.recipient().equals(detail.get("recipient"))).toList();
            if (sendRecipient(period, detail.get("periodKey"), detail.get("recipient"), entries, true, run)) {
                parked.remove(requeued.id());
            }
        }
        Instant settled = now.minus(GRACE);
        for (DigestPeriod period : DigestPeriod.values()) {
            sendClosed(period, settled, settings.calendar(), run);
        }
        if (!settings.calendar().id().equals(ReportingCalendar.GREGORIAN.id())) {
            // weekly matches stored under ISO weeks before the reporting calendar was changed still go out
            sendClosed(DigestPeriod.WEEKLY, settled, ReportingCalendar.GREGORIAN, run);
        }
        return new Sent(run.sent, List.copyOf(run.failures));
    }

    /** Sends the last two periods closed by {@code settled}, as {@code calendar} bounds weeks. */
    private void sendClosed(DigestPeriod period, Instant settled, ReportingCalendar calendar, Run run) {
        ZoneId zone = settings.reportingZone();
        Instant lastClosed = period.previousStart(settled, zone, calendar);
        Instant beforeThat = period.previousStart(lastClosed, zone, calendar);
        // the next hourly run no longer tries a period that has dropped out of its two: this is its last chance
        Instant nextLastClosed = period.previousStart(settled.plus(Duration.ofHours(1)), zone, calendar);
        boolean lastChance = !period.previousStart(nextLastClosed, zone, calendar).equals(beforeThat);
        sendPeriod(period, period.key(beforeThat, zone, calendar), lastChance, run);
        sendPeriod(period, period.key(lastClosed, zone, calendar), false, run);
    }

    private final class Run {
        final Instant now;
        private Set<String> parkedIds;
        int sent;
        final List<ItemFailure> failures = new ArrayList<>();

        Run(Instant now) {
            this.now = now;
        }

        /** Read once a run, and only when some period has entries: most hourly runs have none. */
        boolean isParked(String id) {
            if (parkedIds == null) {
                parkedIds = parkedIds();
            }
            return parkedIds.contains(id);
        }
    }

    private Set<String> parkedIds() {
        return parked.list(1000).stream().filter(entry -> entry.kind() == ParkedWork.Kind.DIGEST)
                .map(ParkedWork.Parked::id).collect(Collectors.toSet());
    }

    private void sendPeriod(DigestPeriod period, String periodKey, boolean lastChance, Run run) {
        Map<String, List<DigestEntry>> byRecipient = digests.entries(period, periodKey).stream()
                .sorted(java.util.Comparator.comparing(DigestEntry::at))
                .collect(Collectors.groupingBy(DigestEntry::recipient, LinkedHashMap::new, Collectors.toList()));
        for (var recipient : byRecipient.entrySet()) {
            if (!run.isParked(parkedItem(period, periodKey, recipient.getKey()).id())) {
                sendRecipient(period, periodKey, recipient.getKey(), recipient.getValue(), lastChance, run);
            }
        }
    }

    /** One recipient's digest on its own: every other recipient still gets theirs whatever happens here. */
    private boolean sendRecipient(DigestPeriod period, String periodKey, String recipient, List<DigestEntry> entries,
                                  boolean lastChance, Run run) {
        String key = "digest#" + period.id() + "#" + periodKey + "#" + recipient;
        try {
            if (recipient.equals(AlertStorms.TEAM_ALERTS)) {
                run.sent += publishStormSummaries(key, periodKey, entries, run.now);
            } else if (ledger.once(key, run.now, () -> mailer.send(
                    AlertEmails.digest(recipient, period, periodKey, entries, settings)))) {
                run.sent++;
            }
            return true;
        } catch (RuntimeException failure) {
            int attempt = (int) attempts.increment("attempt#" + key, run.now.plus(Duration.ofDays(16)));
            ParkedWork.Parked item = parkedItem(period, periodKey, recipient);
            if (lastChance || attempt >= Retries.MAX_ATTEMPTS || failure instanceof Undeliverable) {
                parked.park(new ParkedWork.Parked(item.id(), item.kind(), item.item(), ItemFailure.reason(failure),
                        attempt, run.now, item.detail()));
                run.failures.add(new ItemFailure(item.id(), "parked after " + attempt + " attempts", failure));
            } else {
                run.failures.add(new ItemFailure(item.id(), "retried by the next run", failure));
            }
            return false;
        }
    }

    /** Named by the recipient's hash, so no address is in the id a team re-queues by. */
    private static ParkedWork.Parked parkedItem(DigestPeriod period, String periodKey, String recipient) {
        return ParkedWork.Parked.of(ParkedWork.Kind.DIGEST, period.id() + "#" + periodKey + "#"
                        + SuppressionList.idOf(recipient).substring(0, 16), "", 0, Instant.EPOCH,
                Map.of("period", period.id(), "periodKey", periodKey, "recipient", recipient));
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
