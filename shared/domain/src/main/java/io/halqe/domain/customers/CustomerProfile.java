package io.halqe.domain.customers;

import io.halqe.domain.core.Customer;
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

    /**
     * What an invitation or a touchpoint event tells us about a person: enough for the directory to know them. It has
     * no {@code updatedAt}, so any CRM update wins over it.
     */
    public static CustomerProfile known(Customer customer, String timeZone) {
        return new CustomerProfile(customer.id(), customer.name(), customer.email(), customer.phone(), null, null, null,
                null, null, customer.locale() == null ? null : io.halqe.domain.text.LanguageTags.primary(customer.locale()),
                timeZone, Map.of(), null);
    }

    /** As a customer to contact. */
    public Customer asCustomer() {
        return new Customer(id, email, phone, name, language);
    }

    /**
     * Without an id, named as an invitation names its customer ({@link Customer#identified()}): by the canonical email,
     * else the phone; a Delighted export has no other id. The id stays null when there is neither.
     */
    public CustomerProfile identified() {
        String derived = asCustomer().identified().id();
        return java.util.Objects.equals(derived, id) ? this : new CustomerProfile(derived, name, email, phone, segment,
                plan, lifetimeValue, region, accountOwner, language, timeZone, attributes, updatedAt);
    }

    public CustomerProfile withUpdatedAt(Instant at) {
        return new CustomerProfile(id, name, email, phone, segment, plan, lifetimeValue, region, accountOwner, language,
                timeZone, attributes, at);
    }
}
