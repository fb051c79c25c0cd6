package io.halqe.domain.alerts;

import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.core.Mailer;
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
    private final DeliveryLedger ledger;
    private final AlertSettings settings;

    public SendDigests(DigestStore digests, Mailer mailer, DeliveryLedger ledger, AlertSettings settings) {
        this.digests = digests;
        this.mailer = mailer;
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
        for (var recipient : byRecipient.entrySet()) {
            String key = "digest#" + period.id() + "#" + periodKey + "#" + recipient.getKey();
            if (ledger.once(key, now, () -> mailer.send(
                    AlertEmails.digest(recipient.getKey(), period, periodKey, recipient.getValue(), settings)))) {
                sent++;
            }
        }
        return sent;
    }
}
