package io.halqe.domain.outreach;

import io.halqe.domain.core.Customer;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An external event (OrderDelivered, TicketClosed, …) → an invitation per matching touchpoint rule, due after the
 * rule's delay from the event's time. The outreach id derives from the rule and the event id, so a redelivered event
 * schedules nothing new; whether the invitation may go out is decided when it falls due (the contact policy).
 */
public final class ScheduleTouchpoints {

    private final TriggerMatcher matcher;
    private final OutreachRepository outreach;
    private final CustomerDirectory directory;

    public ScheduleTouchpoints(TriggerMatcher matcher, OutreachRepository outreach, CustomerDirectory directory) {
        this.matcher = matcher;
        this.outreach = outreach;
        this.directory = directory;
    }

    /** The outreach scheduled now (empty for a redelivery or an event no rule wants). */
    public List<Outreach> handle(String eventId, Instant eventTime, String eventJson) {
        List<Outreach> scheduled = new ArrayList<>();
        for (TriggerMatcher.Match match : matcher.matching(eventJson)) {
            TouchpointTrigger trigger = match.trigger();
            String id = "t-" + trigger.id() + "-" + eventId;
            Customer customer = match.customer().identified();
            if (customer.id() != null) {
                // the customer of a touchpoint is known from now on, whether or not the invitation goes out
                directory.fillIn(CustomerProfile.known(customer, match.timeZone()));
            }
            Outreach invitation = new Outreach(id, Outreach.Kind.INVITATION, trigger.surveyId(), trigger.channel(),
                    customer, match.timeZone(), match.hidden(), id, null, 0,
                    eventTime.plus(Duration.parse(trigger.delay())));
            if (outreach.schedule(invitation)) {
                scheduled.add(invitation);
            }
        }
        return scheduled;
    }
}
