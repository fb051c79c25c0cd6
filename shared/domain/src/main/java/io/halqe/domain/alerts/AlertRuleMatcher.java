package io.halqe.domain.alerts;

import io.halqe.domain.events.ResponseEnriched;
import java.util.List;

/** The alert rules in force that match a response, in rule order. */
public interface AlertRuleMatcher {

    List<AlertRule> matching(ResponseEnriched response);
}
