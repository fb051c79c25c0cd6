package io.halqe.domain.events;

import io.halqe.domain.customers.CustomerProfile;

/**
 * Detail of {@code CustomerUpserted}, which a CRM integration puts on Halqe's bus (any source) when a customer is
 * created or changed (schema: events/schemas/CustomerUpserted.v1.json). The newest {@code customer.updatedAt} wins.
 */
public record CustomerUpserted(String version, CustomerProfile customer) {

    public static final String DETAIL_TYPE = "CustomerUpserted";
}
