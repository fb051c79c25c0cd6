package io.halqe.api;

import io.halqe.domain.access.Role;
import io.halqe.domain.access.UserDirectory;
import io.halqe.domain.core.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The user pool for the handler's tests: accounts by name, made at a fixed time, invited (FORCE_CHANGE_PASSWORD). */
final class InMemoryUserPool implements UserDirectory {

    private final Map<String, Account> accounts = new ConcurrentSkipListMap<>();

    @Override
    public boolean create(String username, String email) {
        return accounts.putIfAbsent(username, new Account(username, email, null, true, "FORCE_CHANGE_PASSWORD",
                Instant.parse("2026-11-23T09:00:00Z"))) == null;
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
        return accounts.computeIfPresent(username, (name, account) -> new Account(name, account.email(), role,
                account.enabled(), account.status(), account.createdAt())) != null;
    }

    @Override
    public boolean delete(String username) {
        return accounts.remove(username) != null;
    }
}
