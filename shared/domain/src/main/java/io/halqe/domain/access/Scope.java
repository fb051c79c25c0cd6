package io.halqe.domain.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do, one permission per kind of work; every admin route requires exactly one. People get them
 * through their {@link Role}; a machine key is given the few it needs.
 */
public enum Scope {
    METRICS_READ("metrics:read"),
    RESPONSES_READ("responses:read"),
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    SURVEYS_READ("surveys:read"),
    SURVEYS_WRITE("surveys:write"),
    RULES_READ("rules:read"),
    RULES_WRITE("rules:write"),
    CASES_READ("cases:read"),
    CASES_WRITE("cases:write"),
    INVITATIONS_WRITE("invitations:write"),
    ANNOUNCEMENTS_WRITE("announcements:write"),
    PRIVACY_WRITE("privacy:write"),
    OPERATIONS_WRITE("operations:write"),
    ADMIN("admin");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> of(String wireName) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(wireName)).findFirst();
    }
}
