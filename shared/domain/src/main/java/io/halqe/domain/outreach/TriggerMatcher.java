package io.halqe.domain.outreach;

import io.halqe.domain.core.Customer;
import java.util.List;
import java.util.Map;

/** The touchpoint rules an event matches, with the customer and hidden fields read from it. */
public interface TriggerMatcher {

    List<Match> matching(String eventJson);

    record Match(TouchpointTrigger trigger, Customer customer, String timeZone, Map<String, String> hidden) {
    }
}
