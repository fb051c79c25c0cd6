package io.halqe.domain.links;

import io.halqe.domain.core.Counters;
import io.halqe.domain.core.Undeliverable;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * At most {@code perMonth} SMS in a calendar month (UTC), counted before each is sent: texts cost money, and a
 * runaway trigger must not run up a bill. Past the limit a text is refused as undeliverable — an invitation through
 * the API says so, and the sweep parks it, to be re-queued next month. 0 turns the limit off.
 */
public final class MonthlySmsLimit implements SmsSender {

    private final SmsSender sender;
    private final Counters counters;
    private final int perMonth;
    private final Clock clock;

    public MonthlySmsLimit(SmsSender sender, Counters counters, int perMonth, Clock clock) {
        this.sender = sender;
        this.counters = counters;
        this.perMonth = perMonth;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String message) {
        if (perMonth > 0) {
            YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
            long sent = counters.increment("sms#" + month, month.plusMonths(1).atDay(8).atStartOfDay()
                    .toInstant(ZoneOffset.UTC));
            if (sent > perMonth) {
                throw new Undeliverable("this month's SMS limit (" + perMonth + ", SmsMonthlyLimit) is reached", null);
            }
        }
        sender.send(phone, message);
    }

    @Override
    public boolean optedOut(String phone) {
        return sender.optedOut(phone);
    }
}
