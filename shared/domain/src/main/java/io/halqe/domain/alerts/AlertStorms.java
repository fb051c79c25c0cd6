package io.halqe.domain.alerts;

import io.halqe.domain.core.Counters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
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

    /** Counts one notification of {@code ruleId} on {@code surveyId} by {@code channel} in the hour of {@code at}. */
    private boolean admit(String surveyId, String ruleId, String channel, Instant at) {
        if (perHour <= 0) {
            return true;
        }
        String hour = hourKey(at);
        Instant forgetAt = DigestPeriod.HOUR.start(at, zone).plusSeconds(2 * 3600);
        return counters.increment("storm#" + surveyId + "#" + ruleId + "#" + channel + "#" + hour, forgetAt) <= perHour;
    }

    /**
     * One notification of {@code ruleId} on {@code surveyId} by {@code channel}: sent while the hour's quota lasts,
     * else its {@code folded} entries (one per recipient) are kept for the hour's summary. Call it once per (rule,
     * response, channel): inside its ledger claim.
     */
    public void sendOrFold(String surveyId, String ruleId, String channel, Instant at, Runnable send,
                           Supplier<List<DigestEntry>> folded) {
        if (admit(surveyId, ruleId, channel, at)) {
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
