package io.halqe.domain.fakes;

import io.halqe.domain.access.Role;
import io.halqe.domain.access.UserDirectory;
import io.halqe.domain.core.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A user pool in memory, pages by name; {@link #failAssign} makes the next group change fail as a pool outage would. */
public final class InMemoryUsers implements UserDirectory {

    private final Map<String, Account> accounts = new TreeMap<>();
    private final Instant at;
    public boolean failAssign;
    public boolean failDelete;

    public InMemoryUsers(Instant at) {
        this.at = at;
    }

    @Override
    public boolean create(String username, String email) {
        return accounts.putIfAbsent(username, new Account(username, email, null, true, "FORCE_CHANGE_PASSWORD", at)) == null;
    }

    @Override
    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public Page<Account> list(int limit, String cursor) {
        List<Account> all = new ArrayList<>(accounts.values());
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public boolean assign(String username, Role role) {
        if (failAssign) {
            throw new IllegalStateException("the pool is unavailable");
        }
        Account account = accounts.get(username);
        if (account == null) {
            return false;
        }
        accounts.put(username, new Account(username, account.email(), role, account.enabled(), account.status(),
                account.createdAt()));
        return true;
    }

    @Override
    public boolean delete(String username) {
        if (failDelete) {
            throw new IllegalStateException("the pool is unavailable");
        }
        return accounts.remove(username) != null;
    }
}
