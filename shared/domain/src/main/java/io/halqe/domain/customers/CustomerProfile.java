package io.halqe.domain.customers;

import java.time.Instant;
import java.util.Map;

/**
 * A customer as the CRM knows them. {@code updatedAt} orders updates: an older one never overwrites a newer one, so
 * CRM events may arrive late or twice. {@code attributes} holds free-form fields (usable as segments).
 */
public record CustomerProfile(
        String id,
        String name,
        String email,
        String phone,
        String segment,
        String plan,
        Double lifetimeValue,
        String region,
        String accountOwner,
        String language,
        String timeZone,
        Map<String, String> attributes,
        Instant updatedAt) {

    public CustomerProfile {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public CustomerProfile withUpdatedAt(Instant at) {
        return new CustomerProfile(id, name, email, phone, segment, plan, lifetimeValue, region, accountOwner, language,
                timeZone, attributes, at);
    }
}
