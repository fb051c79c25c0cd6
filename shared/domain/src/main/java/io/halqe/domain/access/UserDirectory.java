package io.halqe.domain.access;

import io.halqe.domain.core.Page;
import java.time.Instant;
import java.util.Optional;

/**
 * The people who sign in, as the user pool keeps them: their account and the group that is their {@link Role}. Their
 * teams are not kept here but in the teams themselves ({@link Memberships}). Passwords never pass through: the pool
 * makes a temporary one and emails it, and the person chooses their own at the first sign-in.
 */
public interface UserDirectory {

    /**
     * @param role   the most a person's groups give (admin before manager, agent, viewer); null when in no role group
     * @param status the pool's, e.g. {@code FORCE_CHANGE_PASSWORD} until the first sign-in, then {@code CONFIRMED}
     */
    record Account(String username, String email, Role role, boolean enabled, String status, Instant createdAt) {
    }

    /** Makes the account and has the pool invite them by email; false if the name is taken. */
    boolean create(String username, String email);

    Optional<Account> find(String username);

    Page<Account> list(int limit, String cursor);

    /** Puts them in {@code role}'s group and takes them out of the other roles'; false if there is no such account. */
    boolean assign(String username, Role role);

    /** False if there was no such account. */
    boolean delete(String username);
}
