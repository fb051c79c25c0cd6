package io.halqe.domain.core;

import java.util.Optional;

public interface TeamDirectory {

    Optional<Team> team(String teamId);

    void save(Team team);
}
