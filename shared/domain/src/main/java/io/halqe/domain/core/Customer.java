package io.halqe.domain.core;

/** Who an invitation is for, as the CRM knows them; every field may be absent. */
public record Customer(String id, String email, String phone, String name, String locale) {
}
