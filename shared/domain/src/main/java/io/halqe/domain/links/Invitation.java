package io.halqe.domain.links;

import io.halqe.domain.core.Customer;

import java.time.Instant;
import java.util.Map;

/** What a signed survey link carries: which survey, for whom, with which hidden CRM fields, until when. */
public record Invitation(String id, String surveyId, Customer customer, Map<String, String> hidden, String channel,
                         Instant expiresAt) {

    public Invitation {
        hidden = hidden == null ? Map.of() : Map.copyOf(hidden);
    }
}
