package io.halqe.domain.core;

import java.util.List;

/**
 * A team that owns feedback: {@code ownerEmail} receives its alerts and digests; {@code members} are the people who
 * work its cases (user names); {@code snsFilter} is the value its SNS alerts carry in the {@code team} message
 * attribute, for subscriptions that filter on it (the team's id when not set).
 */
public record Team(String id, String name, String ownerEmail, List<String> members, String snsFilter) {

    public Team {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Team(String id, String name, String ownerEmail) {
        this(id, name, ownerEmail, List.of(), null);
    }

    /** What the team's SNS alerts carry as their {@code team} attribute. */
    public String snsFilterValue() {
        return snsFilter == null || snsFilter.isBlank() ? id : snsFilter;
    }
}
