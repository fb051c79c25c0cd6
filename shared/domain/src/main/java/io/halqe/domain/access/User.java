package io.halqe.domain.access;

import java.time.Instant;
import java.util.List;

/** A person as admins manage them: their account in the pool and the teams that list them as a member. */
public record User(String username, String email, Role role, List<String> teams, boolean enabled, String status,
                   Instant createdAt) {

    public User {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    static User of(UserDirectory.Account account, java.util.Collection<String> teams) {
        return new User(account.username(), account.email(), account.role(), teams.stream().sorted().toList(),
                account.enabled(), account.status(), account.createdAt());
    }
}
