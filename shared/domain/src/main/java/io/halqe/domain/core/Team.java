package io.halqe.domain.core;

/** A team that owns feedback; {@code ownerEmail} receives its alerts. */
public record Team(String id, String name, String ownerEmail) {
}
