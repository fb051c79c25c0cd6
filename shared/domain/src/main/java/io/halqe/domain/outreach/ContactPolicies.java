package io.halqe.domain.outreach;

/** The contact policy in force: the stored one if an admin set it, else {@link ContactPolicy#DEFAULTS}. */
public interface ContactPolicies {

    ContactPolicy current();

    void replace(ContactPolicy policy);
}
