package io.halqe.domain.core;

import io.halqe.domain.text.EmailAddresses;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** Teams through the admin API: their owner's address, members and SNS filter value, checked before they are saved. */
public final class ManageTeams {

    public static final int MAX_MEMBERS = 200;
    /** A team id, and a user name: letters, digits, _ . or -, at most 64. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public sealed interface Outcome {
        record Saved(Team team) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    private final TeamDirectory teams;

    public ManageTeams(TeamDirectory teams) {
        this.teams = teams;
    }

    public Optional<Team> get(String teamId) {
        return teams.team(teamId);
    }

    /** Saves the team under {@code teamId} (created or replaced whole); the name defaults to the id. */
    public Outcome put(String teamId, Team draft) {
        if (!teamId.matches(ID)) {
            return invalid("teamId", "must be letters, digits, _ . or - (at most 64)");
        }
        String name = draft.name() == null || draft.name().isBlank() ? teamId : draft.name().strip();
        if (name.length() > 100) {
            return invalid("name", "must be at most 100 characters");
        }
        if (draft.ownerEmail() != null && !EmailAddresses.isAddress(draft.ownerEmail())) {
            return invalid("ownerEmail", "must be an email address");
        }
        List<String> members = draft.members();
        if (members.size() > MAX_MEMBERS || members.stream().anyMatch(member -> member == null || !member.matches(ID))
                || new HashSet<>(members).size() != members.size()) {
            return invalid("members", "must be at most " + MAX_MEMBERS + " distinct user names (letters, digits, _ . -)");
        }
        if (draft.snsFilter() != null && !draft.snsFilter().matches(ID)) {
            return invalid("snsFilter", "must be letters, digits, _ . or - (at most 64)");
        }
        // the Slack URL and the language are kept when a draft leaves them out (the URL is never shown, so a client
        // that edits the rest cannot send it back); an empty one removes them
        Optional<Team> saved = teams.team(teamId);
        String slack = draft.slackWebhookUrl() == null ? saved.map(Team::slackWebhookUrl).orElse(null)
                : draft.slackWebhookUrl().isBlank() ? null : draft.slackWebhookUrl().strip();
        if (slack != null && (slack.length() > 500 || !slack.matches("https://[A-Za-z0-9.-]+(:[0-9]+)?/\\S*"))) {
            return invalid("slackWebhookUrl", "must be an https URL (a Slack incoming webhook), of at most 500 characters");
        }
        String language = draft.language() == null ? saved.map(Team::language).orElse(null)
                : draft.language().isBlank() ? null : draft.language().strip();
        if (language != null && !List.of("en", "fa", "ar").contains(language)) {
            return invalid("language", "must be en, fa or ar");
        }
        Team team = new Team(teamId, name, draft.ownerEmail(), members, draft.snsFilter(), slack, language);
        teams.save(team);
        return new Outcome.Saved(team);
    }

    private static Outcome invalid(String field, String message) {
        return new Outcome.Invalid(new Problem(field, message));
    }
}
