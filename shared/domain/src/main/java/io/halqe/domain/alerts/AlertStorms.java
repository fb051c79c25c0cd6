package io.halqe.domain.alerts;

import io.halqe.domain.core.Counters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Alert-storm protection: one alert rule on one survey sends at most {@code perHour} emails, and as many SNS alerts,
 * in each hour of the reporting zone (escalations count as the rule {@code sla-escalation}). A match past that still
 * has its case; it is folded into the hour's summary — one email per recipient and one SNS message per rule and survey,
 * sent by {@link SendDigests} once the hour is over. 0 turns the protection off.
 */
public final class AlertStorms {

    /** The recipient of a folded SNS alert: the team alerts topic, not a person. */
    public static final String TEAM_ALERTS = "sns:team-alerts";

    private final Counters counters;
    private final int perHour;
    private final DigestStore digests;
    private final ZoneId zone;

    public AlertStorms(Counters counters, int perHour, DigestStore digests, ZoneId zone) {
        this.counters = counters;
        this.perHour = perHour;
        this.digests = digests;
        this.zone = zone;
    }

    /**
     * Counts one notification of {@code ruleId} on {@code surveyId} by each of {@code channels} in the hour of
     * {@code at} (one counter write for them all) and returns the channels still within the hour's quota.
     */
    public Set<String> admitted(String surveyId, String ruleId, Collection<String> channels, Instant at) {
        if (perHour <= 0 || channels.isEmpty()) {
            return Set.copyOf(channels);
        }
        String hour = hourKey(at);
        Instant forgetAt = DigestPeriod.HOUR.start(at, zone).plusSeconds(2 * 3600);
        Set<String> admitted = new HashSet<>();
        counters.incrementAll("storm#" + surveyId + "#" + ruleId + "#" + hour, channels, forgetAt)
                .forEach((channel, count) -> {
                    if (count <= perHour) {
                        admitted.add(channel);
                    }
                });
        return admitted;
    }

    /**
     * One notification of {@code ruleId} on {@code surveyId} by {@code channel}: sent while the hour's quota lasts,
     * else its {@code folded} entries (one per recipient) are kept for the hour's summary. Call it once per (rule,
     * response, channel): inside its ledger claim.
     */
    public void sendOrFold(String surveyId, String ruleId, String channel, Instant at, Runnable send,
                           Supplier<List<DigestEntry>> folded) {
        sendOrFold(admitted(surveyId, ruleId, List.of(channel), at).contains(channel), send, folded);
    }

    /** Sends if {@link #admitted}, else keeps the {@code folded} entries for the hour's summary. */
    public void sendOrFold(boolean admitted, Runnable send, Supplier<List<DigestEntry>> folded) {
        if (admitted) {
            send.run();
        } else {
            folded.get().forEach(digests::add);
        }
    }

    /** The key of the hour {@code at} falls in: what a folded entry's {@code periodKey} is. */
    public String hourKey(Instant at) {
        return DigestPeriod.HOUR.key(at, zone);
    }
}
