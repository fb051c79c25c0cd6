package io.halqe.domain.core;

import io.halqe.domain.text.EmailAddresses;

/** Who an invitation is for, as the CRM knows them; every field may be absent. */
public record Customer(String id, String email, String phone, String name, String locale) {

    /**
     * The same customer with an id, so the directory, the response and the case all name one person: the CRM id,
     * else the address (as a Delighted export names people), else the phone; null when there is none of these.
     */
    public Customer identified() {
        if (id != null && !id.isBlank()) {
            return this;
        }
        String derived = email != null && !email.isBlank() ? EmailAddresses.canonical(email)
                : phone != null && !phone.isBlank() ? phone : null;
        return new Customer(derived, email, phone, name, locale);
    }

    /** This customer's missing fields taken from {@code known} (what the request says wins). */
    public Customer orElse(Customer known) {
        return new Customer(id != null ? id : known.id(), email != null ? email : known.email(),
                phone != null ? phone : known.phone(), name != null ? name : known.name(),
                locale != null ? locale : known.locale());
    }
}
