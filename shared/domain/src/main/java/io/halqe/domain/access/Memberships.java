package io.halqe.domain.access;

import java.util.Set;

/** The teams a person is a member of (as the teams list them): what an agent may see. */
public interface Memberships {

    Set<String> teamsOf(String user);
}
