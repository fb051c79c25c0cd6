package io.halqe.domain.core;

import java.util.List;

/**
 * A team that owns feedback: {@code ownerEmail} receives its alerts and digests; {@code members} are the people who
 * work its cases (user names); {@code snsFilter} is the value its SNS alerts carry in the {@code team} message
 * attribute, for subscriptions that filter on it (the team's id when not set). {@code slackWebhookUrl}, when set, is
 * a Slack incoming webhook its immediate alerts and weekly digest are posted to. {@code language} (en, fa or ar;
 * English when not set) is the language and digits of those posts, of its alert emails, rule digests and SLA
 * escalations, and of its weekly digest email. The URL is a credential: it is never shown back.
 */
public record Team(String id, String name, String ownerEmail, List<String> members, String snsFilter,
                   String slackWebhookUrl, String language) {

    public Team {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Team(String id, String name, String ownerEmail, List<String> members, String snsFilter) {
        this(id, name, ownerEmail, members, snsFilter, null, null);
    }

    public Team(String id, String name, String ownerEmail) {
        this(id, name, ownerEmail, List.of(), null);
    }

    /** What the team's SNS alerts carry as their {@code team} attribute. */
    public String snsFilterValue() {
        return snsFilter == null || snsFilter.isBlank() ? id : snsFilter;
    }
}
